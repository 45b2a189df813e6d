delete from orders where created_at < now() - interval '1 year';
