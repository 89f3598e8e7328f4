-- When sending to a lead failed on its address itself (INVALID_ADDRESS): nothing is sent to it again.
alter table leads add column email_address_refused_at timestamp with time zone;
