alter table orders drop column note;
