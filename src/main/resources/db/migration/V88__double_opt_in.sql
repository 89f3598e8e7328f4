-- Double opt-in (leadflow.privacy.double-opt-in.*): when a lead had to confirm, when it was asked,
-- when it confirmed, or when it expired from nurturing unconfirmed.
alter table leads add column opt_in_required boolean default false not null;
alter table leads add column opt_in_requested_at timestamp with time zone;
alter table leads add column opt_in_confirmed_at timestamp with time zone;
alter table leads add column opt_in_expired_at timestamp with time zone;

-- the confirmation request the journey sends (and sends again once as the reminder); {{url}} is
-- the signed confirmation link
insert into content_items
    (id, title, stage, type, channel, industries, roles, url, email_subject, email_body, language, priority, active, created_at, updated_at)
values
('opt-in-confirmation', 'Please confirm your subscription', 'TOFU', 'OPT_IN', 'EMAIL', null, null,
 'https://leadflow.example/resources/confirm',
 '{{#firstName}}{{firstName}}, please{{/firstName}}{{^firstName}}Please{{/firstName}} confirm that you want our emails',
 '{{#firstName}}Hi {{firstName}},{{/firstName}}{{^firstName}}Hello,{{/firstName}}

you asked to hear from us. Please confirm it with this link, and we will start sending you short reads:
{{url}}

If it was not you, ignore this email: without your confirmation we send you nothing more.',
 'en', 0, true, current_timestamp, current_timestamp);
