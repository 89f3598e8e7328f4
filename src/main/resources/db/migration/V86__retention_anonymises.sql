-- Retention anonymises a lead without a tombstone of its address (leadflow.privacy.retention.mode:
-- anonymise): the erasure is recorded (when, by "retention", why) with no hash, and a later capture
-- of the address is a new lead.
alter table lead_erasures alter column email_hash drop not null;
