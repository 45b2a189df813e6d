drop table archive;
