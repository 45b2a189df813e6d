create tablespace fast location '/tmp/fast';
