alter table orders drop constraint if exists orders_note_check;
