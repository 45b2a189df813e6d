-- lint: assume-in-transaction
do $$ begin perform 1; end $$;
