alter table orders add column fulfilment_state text not null;
