drop database scratch_import;
