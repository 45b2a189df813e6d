alter policy p on orders using (true);
