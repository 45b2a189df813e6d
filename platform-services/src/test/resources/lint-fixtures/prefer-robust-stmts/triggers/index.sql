create index concurrently i on orders (a);
