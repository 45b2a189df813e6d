create function one() returns int language sql begin atomic select 1; end;
