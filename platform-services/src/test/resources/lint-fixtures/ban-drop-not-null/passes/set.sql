alter table orders alter column note set default '';
