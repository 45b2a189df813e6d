alter table if exists orders drop if exists note cascade;
