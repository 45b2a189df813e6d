insert into notes (body) values ('create index x on orders (a)');
