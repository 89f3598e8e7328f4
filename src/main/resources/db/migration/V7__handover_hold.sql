-- Sales sent the lead back "not ready, not before <date>": it is not handed over again before then.
alter table leads add column handover_not_before timestamp with time zone;
