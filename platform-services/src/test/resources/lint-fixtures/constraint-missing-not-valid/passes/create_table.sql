create table orders (id bigint primary key, total numeric check (total >= 0));
