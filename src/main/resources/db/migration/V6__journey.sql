-- A hard bounce: the lead's email cannot be delivered, so nothing is sent to it any more.
alter table leads add column email_bounced_at timestamp with time zone;
