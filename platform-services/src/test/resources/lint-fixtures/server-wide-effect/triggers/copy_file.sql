copy app.t to '/tmp/t.csv';
