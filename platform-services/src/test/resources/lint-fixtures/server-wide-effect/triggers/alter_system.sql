alter system set log_statement = 'none';
