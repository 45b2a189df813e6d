alter table orders rename column note to remark;
