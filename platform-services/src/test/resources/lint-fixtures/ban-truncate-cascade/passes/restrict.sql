truncate orders restrict;
