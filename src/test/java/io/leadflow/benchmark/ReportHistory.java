package io.leadflow.benchmark;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A history for the report benchmark, written by SQL over the leads already in the database (the
 * imported ones): in the shapes the lifecycle, the campaigns, deals and follow-ups features write,
 * spread over the last 90 days, so each report has 100,000 leads' worth of rows to read.
 *
 * <p>Per lead, by a hash of its id: captured at a moment of the last 90 days under one of 20
 * campaigns (first touch) and credited to one of them as last touch; 30 % become
 * marketing-qualified 1-20 days later (a follow-up routed to one of three teams, answered by a rep
 * within two hours for four in five); 3 % of those go back to nurturing; 15 % become
 * sales-qualified, 6 % opportunities, 2 % customers (a won deal), 2 % lose their deal. Each of the 20
 * campaigns has a cost for each of the last 120 days.
 */
final class ReportHistory {

  private final JdbcTemplate jdbc;

  ReportHistory(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Writes the history; returns how many transitions it added. */
  int write() {
    jdbc.update("""
        insert into campaigns (campaign_key, name, channel, starts_on, ends_on, created_at, updated_at)
        select 'bench-' || g, 'Benchmark campaign ' || g, (array['email', 'paid-search', 'events', 'social'])[1 + g % 4],
               current_date - 120, current_date, now(), now()
        from generate_series(1, 20) g
        """);
    jdbc.update("""
        insert into campaign_costs (id, campaign_key, spent_on, amount, currency)
        select gen_random_uuid()::text, 'bench-' || g, current_date - d, 50 + (g * d) % 400, 'EUR'
        from generate_series(1, 20) g, generate_series(0, 119) d
        """);
    jdbc.update("""
        update leads set campaign = 'bench-' || (1 + abs(hashtext(id)) % 20),
               last_touch_campaign = 'bench-' || (1 + (abs(hashtext(id)) / 7) % 20),
               created_at = now() - (abs(hashtext(id)) % (90 * 86400)) * interval '1 second'
        """);
    jdbc.update("update lead_transitions t set occurred_at = l.created_at from leads l where l.id = t.lead_id");
    int transitions = jdbc.update("""
        with l as (select id, created_at, abs(hashtext(id)) as h, abs(hashtext(id)) % 100 as p,
                          (select max(seq_no) from lead_transitions x where x.lead_id = leads.id) as seq from leads),
        steps as (
          select id, h, seq + 1 as seq, created_at + (1 + h % 20) * interval '1 day' as at,
                 'NURTURING' as from_status, 'MARKETING_QUALIFIED' as status from l where p < 30
          union all
          select id, h, seq + 2, created_at + (2 + h % 20 + h % 5) * interval '1 day',
                 'MARKETING_QUALIFIED', 'NURTURING' from l where p between 27 and 29
          union all
          select id, h, seq + 2, created_at + (2 + h % 20 + h % 5) * interval '1 day',
                 'MARKETING_QUALIFIED', 'SALES_QUALIFIED' from l where p < 15
          union all
          select id, h, seq + 3, created_at + (4 + h % 20 + h % 5 + h % 7) * interval '1 day',
                 'SALES_QUALIFIED', 'OPPORTUNITY' from l where p < 6
          union all
          select id, h, seq + 4, created_at + (10 + h % 20 + h % 5 + h % 7 + h % 11) * interval '1 day',
                 'OPPORTUNITY', 'CUSTOMER' from l where p < 2)
        insert into lead_transitions (id, lead_id, seq_no, occurred_at, from_status, status, from_stage, stage, cause, rating)
        select gen_random_uuid()::text, id, seq, least(at, now()), from_status, status, 'MOFU', 'BOFU', 'BENCHMARK',
               (array['A1', 'A2', 'B1', 'B2', 'C1', 'C3', 'D4'])[1 + h % 7]
        from steps
        """);
    jdbc.update("""
        update leads set status = t.status, status_since = t.occurred_at, transitions = t.seq_no
        from lead_transitions t
        where t.lead_id = leads.id and t.seq_no = (select max(seq_no) from lead_transitions x where x.lead_id = leads.id)
        """);
    jdbc.update("""
        insert into deals (id, lead_id, outcome, amount, currency, reason, closed_at, recorded_by)
        select gen_random_uuid()::text, t.lead_id, 'WON', 1000 + abs(hashtext(t.lead_id)) % 50000, 'EUR', null, t.occurred_at, 'max'
        from lead_transitions t where t.status = 'CUSTOMER' and t.cause = 'BENCHMARK'
        """);
    jdbc.update("""
        insert into deals (id, lead_id, outcome, amount, currency, reason, closed_at, recorded_by)
        select gen_random_uuid()::text, t.lead_id, 'LOST', null, null, 'Chose a competitor', t.occurred_at + interval '3 days', 'max'
        from lead_transitions t
        where t.status = 'OPPORTUNITY' and t.cause = 'BENCHMARK' and abs(hashtext(t.lead_id)) % 100 between 2 and 3
        """);
    jdbc.update("""
        insert into follow_ups (handoff_id, lead_id, team, sales_ready_at, routed_at, first_action_at, first_action, first_action_by)
        select 'bench-' || t.id, t.lead_id, (array['salesEurope', 'salesAmericas', 'salesAsia'])[1 + abs(hashtext(t.lead_id)) % 3],
               t.occurred_at, t.occurred_at,
               case when abs(hashtext(t.lead_id)) % 5 < 4 then t.occurred_at + (abs(hashtext(t.lead_id)) % 7200) * interval '1 second' end,
               case when abs(hashtext(t.lead_id)) % 5 < 4 then 'CLAIM' end,
               case when abs(hashtext(t.lead_id)) % 5 < 4 then 'sam' end
        from lead_transitions t where t.status = 'MARKETING_QUALIFIED' and t.cause = 'BENCHMARK'
        """);
    jdbc.execute("analyze");
    return transitions;
  }
}
