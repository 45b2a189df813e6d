create table t (name text check (char_length(name) <= 100));
