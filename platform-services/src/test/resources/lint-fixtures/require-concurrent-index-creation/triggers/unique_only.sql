create unique index if not exists orders_ref on only public.orders using btree (ref);
