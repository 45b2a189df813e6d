alter table orders rename note to remark;
