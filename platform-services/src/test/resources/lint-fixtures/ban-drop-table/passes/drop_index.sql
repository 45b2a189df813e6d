drop index concurrently if exists x;
