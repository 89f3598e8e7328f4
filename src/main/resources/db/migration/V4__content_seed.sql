-- The starting catalogue of Leadflow, a lead-management and marketing-automation vendor: what the
-- nurturing journey sends in each stage. Marketing changes it through /api/content (priority,
-- targeting, texts, retiring), without a build; this migration only seeds it.
--
-- Subjects and bodies are Mustache templates, plain text, with these variables only:
-- {{firstName}}, {{lastName}}, {{company}} (each may be missing: used inside {{#...}} sections),
-- {{title}} (the item's title) and {{url}} (the item's link; delivery replaces it with a tracked one).
-- Lower priority goes first among equally good matches; industries / roles (lower case,
-- comma-separated) restrict an item to leads of those industries / job titles and put it first for them.

-- the personalised first message of every journey
insert into content_items
    (id, title, stage, type, channel, industries, roles, url, email_subject, email_body, language, priority, active, created_at, updated_at)
values
('welcome', 'Getting started with Leadflow: a five-minute tour', 'TOFU', 'WELCOME', 'EMAIL', null, null,
 'https://leadflow.example/resources/welcome-tour',
 '{{#firstName}}{{firstName}}, welcome{{/firstName}}{{^firstName}}Welcome{{/firstName}} to Leadflow',
 '{{#firstName}}Hi {{firstName}},{{/firstName}}{{^firstName}}Hello,{{/firstName}}

thank you for your interest in Leadflow{{#company}}, and welcome to everyone at {{company}}{{/company}}. Now and then we will send you a short read that helps you turn more of your contacts into customers: only what fits where you are, never more than you asked for.

To begin, a five-minute tour of how marketing and sales teams capture, nurture and score their leads with Leadflow:
{{title}}
{{url}}

Best regards,
The Leadflow team',
 'en', 0, true, current_timestamp, current_timestamp);

-- TOFU, research: the lead knows it has a problem and looks for information
insert into content_items
    (id, title, stage, type, channel, industries, roles, url, email_subject, email_body, language, priority, active, created_at, updated_at)
values
('whitepaper-lead-scoring-basics', 'Lead scoring basics: from contacts to qualified leads', 'TOFU', 'WHITEPAPER', 'EMAIL', null, null,
 'https://leadflow.example/resources/whitepaper-lead-scoring-basics',
 'Which of your leads are ready to talk to sales?',
 '{{#firstName}}Hi {{firstName}},{{/firstName}}{{^firstName}}Hello,{{/firstName}}

most contacts a campaign brings in are not ready to buy yet, and sales cannot call them all. Lead scoring tells the ones worth a call today from the ones that need more time, with a number marketing and sales agree on.

Our whitepaper explains fit, engagement and social scores in plain words, with examples you can copy{{#company}} for {{company}}{{/company}}:
{{title}}
{{url}}

Best regards,
The Leadflow team',
 'en', 10, true, current_timestamp, current_timestamp),

('guide-lead-nurturing-journeys', 'The practical guide to lead nurturing journeys', 'TOFU', 'GUIDE', 'EMAIL', null, null,
 'https://leadflow.example/resources/guide-lead-nurturing-journeys',
 'A practical guide: keep leads warm until they are ready',
 '{{#firstName}}Hi {{firstName}},{{/firstName}}{{^firstName}}Hello,{{/firstName}}

a lead who is not ready today may well be a customer in six months, if you stay in touch with something useful. Our guide shows, step by step, how to plan a nurturing journey: which content for which stage, how often to write, and when to hand a lead to sales.

{{title}}
{{url}}

Best regards,
The Leadflow team',
 'en', 20, true, current_timestamp, current_timestamp),

('checklist-landing-page-conversion', 'The 12-point checklist for landing pages that convert', 'TOFU', 'CHECKLIST', 'EMAIL', null, null,
 'https://leadflow.example/resources/checklist-landing-page-conversion',
 '12 checks before your next landing page goes live',
 '{{#firstName}}Hi {{firstName}},{{/firstName}}{{^firstName}}Hello,{{/firstName}}

a campaign is only as good as the page it lands on. Before your next one goes live, run through our checklist: a clear offer, a short form, consent done right, and ten more points that decide whether a visitor becomes a lead.

{{title}}
{{url}}

Best regards,
The Leadflow team',
 'en', 30, true, current_timestamp, current_timestamp),

('ebook-b2b-funnel-manufacturing-logistics', 'The B2B funnel in manufacturing and logistics', 'TOFU', 'EBOOK', 'EMAIL', 'manufacturing,logistics', null,
 'https://leadflow.example/resources/ebook-b2b-funnel-manufacturing-logistics',
 'Long sales cycles, many decision makers: the B2B funnel in your industry',
 '{{#firstName}}Hi {{firstName}},{{/firstName}}{{^firstName}}Hello,{{/firstName}}

in manufacturing and logistics a deal takes months and involves engineering, purchasing and management. Our eBook shows how companies in your industry keep every decision maker informed through trade fairs, tenders and long projects, without losing a lead on the way.

{{title}}
{{url}}

Best regards,
The Leadflow team',
 'en', 40, true, current_timestamp, current_timestamp),

('video-marketing-automation-for-it', 'Marketing automation without the IT headache (10-minute video)', 'TOFU', 'VIDEO', 'EMAIL', null, 'cto,cio,it',
 'https://leadflow.example/resources/video-marketing-automation-for-it',
 'Marketing wants automation. What does it mean for IT?',
 '{{#firstName}}Hi {{firstName}},{{/firstName}}{{^firstName}}Hello,{{/firstName}}

when marketing asks for automation, IT asks the right questions: where the data lives, who can see it, how it connects to the CRM and who runs it. In ten minutes, our video answers them for IT leaders: architecture, single sign-on, data protection and operations.

{{title}}
{{url}}

Best regards,
The Leadflow team',
 'en', 40, true, current_timestamp, current_timestamp),

('tips-email-subject-lines', '7 tips for email subject lines that get opened', 'TOFU', 'TIPS', 'EMAIL', null, null,
 'https://leadflow.example/resources/tips-email-subject-lines',
 '7 tips for subject lines that get opened',
 '{{#firstName}}Hi {{firstName}},{{/firstName}}{{^firstName}}Hello,{{/firstName}}

the best content does not help if nobody opens the email. Here are seven tips for subject lines B2B readers actually open, with examples that worked and a few that did not.

{{title}}
{{url}}

Best regards,
The Leadflow team',
 'en', 50, true, current_timestamp, current_timestamp),

('whitepaper-consent-data-protection', 'Consent and data protection in lead management', 'TOFU', 'WHITEPAPER', 'EMAIL', null, null,
 'https://leadflow.example/resources/whitepaper-consent-data-protection',
 'Consent, opt-outs and data protection: what your lead database needs',
 '{{#firstName}}Hi {{firstName}},{{/firstName}}{{^firstName}}Hello,{{/firstName}}

every lead you capture comes with a duty: record the consent, honour every unsubscribe at once, and keep only what you need. Our whitepaper sums up what data-protection law asks of a lead database, and how to make it part of the daily routine instead of a yearly panic.

{{title}}
{{url}}

Best regards,
The Leadflow team',
 'en', 60, true, current_timestamp, current_timestamp);

-- MOFU, solution criteria: the lead knows a solution like ours fits and gathers arguments
insert into content_items
    (id, title, stage, type, channel, industries, roles, url, email_subject, email_body, language, priority, active, created_at, updated_at)
values
('webinar-scoring-model-marketing-sales', 'Live webinar: a lead scoring model marketing and sales agree on', 'MOFU', 'WEBINAR', 'EMAIL', null, null,
 'https://leadflow.example/resources/webinar-scoring-model-marketing-sales',
 'Webinar invitation: build a scoring model both teams trust',
 '{{#firstName}}Hi {{firstName}},{{/firstName}}{{^firstName}}Hello,{{/firstName}}

a scoring model only works when marketing and sales agree on it. In our 45-minute live webinar, a marketing lead and a sales director build one together: the criteria, the thresholds, and the moment a lead goes to sales. Bring your questions{{#company}} and your colleagues from {{company}}{{/company}}.

{{title}}
{{url}}

Best regards,
The Leadflow team',
 'en', 10, true, current_timestamp, current_timestamp),

('case-study-machine-builder', 'Case study: how a machine builder doubled its sales-qualified leads', 'MOFU', 'CASE_STUDY', 'EMAIL', 'manufacturing,logistics,automotive', null,
 'https://leadflow.example/resources/case-study-machine-builder',
 'How a machine builder doubled its sales-qualified leads',
 '{{#firstName}}Hi {{firstName}},{{/firstName}}{{^firstName}}Hello,{{/firstName}}

a mid-sized machine builder had thousands of trade-fair contacts and a sales team that had stopped calling them. Within a year of nurturing and scoring them with Leadflow, its sales-qualified leads doubled and the time from first contact to quote shrank by a third. The case study tells how, with the numbers.

{{title}}
{{url}}

Best regards,
The Leadflow team',
 'en', 20, true, current_timestamp, current_timestamp),

('case-study-consultancy-pipeline', 'Case study: a consultancy turns event contacts into signed projects', 'MOFU', 'CASE_STUDY', 'EMAIL', null, null,
 'https://leadflow.example/resources/case-study-consultancy-pipeline',
 'From business cards to signed projects: a case study',
 '{{#firstName}}Hi {{firstName}},{{/firstName}}{{^firstName}}Hello,{{/firstName}}

a consultancy of 80 people met hundreds of prospects a year at events, and followed up with a few. Today every contact gets a journey, and the partners only call the ones who are ready. Read how they set it up in six weeks, and what it changed for their pipeline.

{{title}}
{{url}}

Best regards,
The Leadflow team',
 'en', 30, true, current_timestamp, current_timestamp),

('data-sheet-security-integrations', 'Security and integration data sheet for IT teams', 'MOFU', 'DATA_SHEET', 'EMAIL', null, 'cto,cio,it,security,architect',
 'https://leadflow.example/resources/data-sheet-security-integrations',
 'Leadflow for IT: security, hosting and integrations on two pages',
 '{{#firstName}}Hi {{firstName}},{{/firstName}}{{^firstName}}Hello,{{/firstName}}

before a new tool goes live, IT wants the facts. Our data sheet has them on two pages: hosting options, encryption, single sign-on, the REST API, CRM connectors, backups and data-protection terms.

{{title}}
{{url}}

Best regards,
The Leadflow team',
 'en', 35, true, current_timestamp, current_timestamp),

('data-sheet-leadflow-platform', 'Leadflow platform data sheet: features and editions', 'MOFU', 'DATA_SHEET', 'EMAIL', null, null,
 'https://leadflow.example/resources/data-sheet-leadflow-platform',
 'Leadflow at a glance: features and editions',
 '{{#firstName}}Hi {{firstName}},{{/firstName}}{{^firstName}}Hello,{{/firstName}}

when you compare solutions, you need the facts in one place. Our data sheet lists what Leadflow does, from lead capture and nurturing journeys to scoring and the hand-off to sales, and what each edition includes. Handy to pass on to whoever decides with you.

{{title}}
{{url}}

Best regards,
The Leadflow team',
 'en', 40, true, current_timestamp, current_timestamp),

('seminar-campaign-roi', 'Half-day seminar: measuring campaign ROI from first touch to sale', 'MOFU', 'SEMINAR', 'EMAIL', null, null,
 'https://leadflow.example/resources/seminar-campaign-roi',
 'Seminar: what does a customer really cost you?',
 '{{#firstName}}Hi {{firstName}},{{/firstName}}{{^firstName}}Hello,{{/firstName}}

cost per lead is easy to measure; cost per sale is what matters. In our half-day seminar we work through real campaigns, from the first click to the signed contract, and show how to tell which campaigns pay off. Places are limited, so that there is time for your questions.

{{title}}
{{url}}

Best regards,
The Leadflow team',
 'en', 50, true, current_timestamp, current_timestamp);

-- the printed catalogue goes by post: the catalogue carries channels the journey does not deliver (yet)
insert into content_items
    (id, title, stage, type, channel, industries, roles, url, email_subject, email_body, language, priority, active, created_at, updated_at)
values
('printed-solution-catalogue', 'The Leadflow solution catalogue (printed)', 'MOFU', 'CATALOGUE', 'DIRECT_MAIL', null, null,
 'https://leadflow.example/resources/printed-solution-catalogue',
 'Your copy of the Leadflow solution catalogue',
 '{{#firstName}}Dear {{firstName}},{{/firstName}}{{^firstName}}Hello,{{/firstName}}

as promised, here is your printed copy of our solution catalogue{{#company}} for the team at {{company}}{{/company}}. You will find the online version, always up to date, at {{url}}.

Best regards,
The Leadflow team',
 'en', 60, true, current_timestamp, current_timestamp);

-- BOFU, vendor evaluation: the lead knows what it needs and picks a vendor
insert into content_items
    (id, title, stage, type, channel, industries, roles, url, email_subject, email_body, language, priority, active, created_at, updated_at)
values
('trial-30-days', 'Start your free 30-day Leadflow trial', 'BOFU', 'TRIAL', 'EMAIL', null, null,
 'https://leadflow.example/resources/trial-30-days',
 'Try Leadflow free for 30 days{{#company}}, with {{company}}''s own leads{{/company}}',
 '{{#firstName}}Hi {{firstName}},{{/firstName}}{{^firstName}}Hello,{{/firstName}}

the best way to judge a tool is to use it. Start a free 30-day trial: import a few hundred of your own leads, switch on a ready-made nurturing journey and see your first scores the same day. No credit card, and our team is there if you get stuck.

{{title}}
{{url}}

Best regards,
The Leadflow team',
 'en', 10, true, current_timestamp, current_timestamp),

('demo-personal', 'Book a personal Leadflow demo', 'BOFU', 'DEMO', 'EMAIL', null, null,
 'https://leadflow.example/resources/demo-personal',
 'A 30-minute Leadflow demo with your own questions',
 '{{#firstName}}Hi {{firstName}},{{/firstName}}{{^firstName}}Hello,{{/firstName}}

you have read about lead nurturing and scoring; now see it on your own case. In a 30-minute demo one of our consultants walks you through Leadflow with your campaigns, your funnel and your questions. Pick a time that suits you:

{{title}}
{{url}}

Best regards,
The Leadflow team',
 'en', 20, true, current_timestamp, current_timestamp),

('consultation-scoring-workshop', 'Free consultation: your lead scoring model in one hour', 'BOFU', 'CONSULTATION', 'EMAIL', null, null,
 'https://leadflow.example/resources/consultation-scoring-workshop',
 'One hour with our experts: your scoring model, drafted',
 '{{#firstName}}Hi {{firstName}},{{/firstName}}{{^firstName}}Hello,{{/firstName}}

not sure where your thresholds should be, or which actions should send a lead straight to sales? Book a free one-hour consultation: together with one of our experts you draft the scoring model{{#company}} for {{company}}{{/company}}, and you keep it whatever you decide.

{{title}}
{{url}}

Best regards,
The Leadflow team',
 'en', 30, true, current_timestamp, current_timestamp),

('offer-starter-package', 'The Leadflow starter package: onboarding included', 'BOFU', 'PACKAGE', 'EMAIL', null, null,
 'https://leadflow.example/resources/offer-starter-package',
 'Your Leadflow starter package, onboarding included',
 '{{#firstName}}Hi {{firstName}},{{/firstName}}{{^firstName}}Hello,{{/firstName}}

when you are ready to start, our starter package gets you live in four weeks: licences for your marketing team, the import of your existing leads, two ready-made journeys and a guided onboarding, all at one fixed price. The details and the price list are here:

{{title}}
{{url}}

Best regards,
The Leadflow team',
 'en', 40, true, current_timestamp, current_timestamp);

-- KEEP_WARM: occasional evergreen content, so cold, long-term leads are not lost
insert into content_items
    (id, title, stage, type, channel, industries, roles, url, email_subject, email_body, language, priority, active, created_at, updated_at)
values
('newsletter-lead-management-digest', 'The lead management digest: the best of the quarter', 'KEEP_WARM', 'NEWSLETTER', 'EMAIL', null, null,
 'https://leadflow.example/resources/newsletter-lead-management-digest',
 'The best of the quarter in lead management',
 '{{#firstName}}Hi {{firstName}},{{/firstName}}{{^firstName}}Hello,{{/firstName}}

it has been a while, so here is our digest of the quarter: the three articles our readers liked most, one number worth knowing and one idea to try in your next campaign. Five minutes, no more.

{{title}}
{{url}}

Best regards,
The Leadflow team',
 'en', 10, true, current_timestamp, current_timestamp),

('tips-reactivate-quiet-contacts', '5 ways to win back contacts who went quiet', 'KEEP_WARM', 'TIPS', 'EMAIL', null, null,
 'https://leadflow.example/resources/tips-reactivate-quiet-contacts',
 '5 ways to win back contacts who went quiet',
 '{{#firstName}}Hi {{firstName}},{{/firstName}}{{^firstName}}Hello,{{/firstName}}

every database has them: contacts who opened everything a year ago and nothing since. Before you write them off, try these five ways to reach them again, from a simple question to a change of channel.

{{title}}
{{url}}

Best regards,
The Leadflow team',
 'en', 20, true, current_timestamp, current_timestamp),

('checklist-lead-generation-planning', 'Checklist: plan next year''s lead generation', 'KEEP_WARM', 'CHECKLIST', 'EMAIL', null, null,
 'https://leadflow.example/resources/checklist-lead-generation-planning',
 'Planning next year? A checklist for your lead generation',
 '{{#firstName}}Hi {{firstName}},{{/firstName}}{{^firstName}}Hello,{{/firstName}}

when the budget for next year is on the table, this checklist helps you plan lead generation around what worked: which campaigns brought customers, not only contacts, what to stop, and what to measure from day one.

{{title}}
{{url}}

Best regards,
The Leadflow team',
 'en', 30, true, current_timestamp, current_timestamp),

('guide-lead-management-benchmarks', 'Lead management benchmarks: how do you compare?', 'KEEP_WARM', 'GUIDE', 'EMAIL', null, null,
 'https://leadflow.example/resources/guide-lead-management-benchmarks',
 'How does your funnel compare?',
 '{{#firstName}}Hi {{firstName}},{{/firstName}}{{^firstName}}Hello,{{/firstName}}

how many leads become customers elsewhere, and how long does it take? Our yearly benchmarks compare conversion rates, sales cycles and cost per sale across B2B industries, so you can see where your funnel stands.

{{title}}
{{url}}

Best regards,
The Leadflow team',
 'en', 40, true, current_timestamp, current_timestamp);

-- LOYALTY: after the sale, customers stay engaged
insert into content_items
    (id, title, stage, type, channel, industries, roles, url, email_subject, email_body, language, priority, active, created_at, updated_at)
values
('onboarding-first-30-days', 'Your first 30 days with Leadflow', 'LOYALTY', 'ONBOARDING', 'EMAIL', null, null,
 'https://leadflow.example/resources/onboarding-first-30-days',
 'Welcome aboard{{#company}}, {{company}}{{/company}}: your first 30 days with Leadflow',
 '{{#firstName}}Hi {{firstName}},{{/firstName}}{{^firstName}}Hello,{{/firstName}}

thank you for choosing Leadflow. To make the first month count, we have put together a plan: what to set up in week one, your first journey in week two, and the scoring model by the end of the month. Your customer success manager will be in touch, too.

{{title}}
{{url}}

Best regards,
The Leadflow team',
 'en', 10, true, current_timestamp, current_timestamp),

('tips-power-users', '10 tips from Leadflow power users', 'LOYALTY', 'TIPS', 'EMAIL', null, null,
 'https://leadflow.example/resources/tips-power-users',
 '10 things power users do with Leadflow',
 '{{#firstName}}Hi {{firstName}},{{/firstName}}{{^firstName}}Hello,{{/firstName}}

we asked the customers who get the most out of Leadflow what they do differently. Here are their ten best tips, from account scoring to journeys that pause themselves during the holidays.

{{title}}
{{url}}

Best regards,
The Leadflow team',
 'en', 20, true, current_timestamp, current_timestamp),

('webinar-customer-roadmap', 'Customer webinar: what is next on the Leadflow roadmap', 'LOYALTY', 'WEBINAR', 'EMAIL', null, null,
 'https://leadflow.example/resources/webinar-customer-roadmap',
 'You are invited: the Leadflow roadmap, for customers only',
 '{{#firstName}}Hi {{firstName}},{{/firstName}}{{^firstName}}Hello,{{/firstName}}

twice a year we show our customers what we are building next, and ask what they need. Join our product team for the customer roadmap webinar and tell us what would help you most.

{{title}}
{{url}}

Best regards,
The Leadflow team',
 'en', 30, true, current_timestamp, current_timestamp),

('offer-loyalty-upgrade', 'A thank-you offer for Leadflow customers', 'LOYALTY', 'OFFER', 'EMAIL', null, null,
 'https://leadflow.example/resources/offer-loyalty-upgrade',
 'A thank-you for {{#company}}{{company}}{{/company}}{{^company}}you{{/company}}: your next edition at a loyalty price',
 '{{#firstName}}Hi {{firstName}},{{/firstName}}{{^firstName}}Hello,{{/firstName}}

thank you for working with us. As a customer you can move to the next Leadflow edition, with account scoring and more journeys, at a loyalty price for the first year. Here is what it includes:

{{title}}
{{url}}

Best regards,
The Leadflow team',
 'en', 40, true, current_timestamp, current_timestamp);
