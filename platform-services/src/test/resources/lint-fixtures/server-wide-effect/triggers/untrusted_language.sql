create function app.f() returns int language plpython3u as 'return 1';
