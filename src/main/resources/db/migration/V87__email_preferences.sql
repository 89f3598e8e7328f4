-- The preference centre: the email topics a lead declined (comma-separated EmailTopic names; null:
-- none, every topic is kept, also topics added later) and how often it wants email (EmailFrequency;
-- null: as the journey goes).
alter table leads add column declined_topics varchar(200);
alter table leads add column email_frequency varchar(20);
