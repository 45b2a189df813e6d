create role reader nologin;
