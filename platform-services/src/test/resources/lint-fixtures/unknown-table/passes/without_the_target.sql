-- without the target's relations (a lint outside submit) the rule cannot judge, and stays silent
alter table app.documnet add column note text;
