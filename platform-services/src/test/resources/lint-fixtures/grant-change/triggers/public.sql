grant execute on function f() to public;
