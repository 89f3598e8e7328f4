package io.leadflow.report;

import io.leadflow.LeadflowProperties;
import io.leadflow.lead.LeadStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures managers and marketing ask for, computed from what the features record as it
 * happens: leads and their first- and last-touch campaigns ({@code leads}), the lifecycle's
 * transitions ({@code lead_transitions}), campaigns' costs ({@code campaign_costs}), deals
 * ({@code deals}) and follow-ups ({@code follow_ups}). A read model: plain SQL over those tables
 * (portable to PostgreSQL and H2), each query bounded by the period through an index (README,
 * "Reports"). What each figure means is in the README.
 */
@Service
@Transactional(readOnly = true)
public class Reports {

  /** The lifecycle's statuses along the funnel, in order; a lead that reaches a later one has moved on. */
  public static final List<LeadStatus> FUNNEL = List.of(LeadStatus.NURTURING, LeadStatus.MARKETING_QUALIFIED,
      LeadStatus.SALES_QUALIFIED, LeadStatus.IN_SALES, LeadStatus.OPPORTUNITY, LeadStatus.CUSTOMER);

  private static final String STATUS_CHANGED = "(t.from_status is null or t.from_status <> t.status)";

  private final NamedParameterJdbcTemplate sql;
  private final Clock clock;
  private final String currency;
  private final Map<String, String> teams;

  Reports(NamedParameterJdbcTemplate sql, Clock clock, ReportSettings settings, LeadflowProperties properties) {
    this.sql = sql;
    this.clock = clock;
    this.currency = settings.currency();
    this.teams = properties.sales().teams();
  }

  /** The period with its defaults (the 30 days up to today). */
  public ReportPeriod resolve(ReportPeriod period) {
    return period.resolved(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
  }

  // ---- campaigns ----

  public record CampaignReport(LocalDate from, LocalDate to, ReportPeriod.Attribution attribution, String currency,
      List<CampaignRow> campaigns) {}

  public record CampaignRow(String campaign, String name, String channel, long leads, long marketingQualified,
      long salesQualified, long opportunities, long customers, BigDecimal cost, BigDecimal costPerLead,
      BigDecimal costPerSale, BigDecimal revenue, BigDecimal roi, long amountsInOtherCurrencies) {

    static final List<String> COLUMNS = List.of("campaign", "name", "channel", "leads", "marketingQualified", "salesQualified",
        "opportunities", "customers", "cost", "costPerLead", "costPerSale", "revenue", "roi", "amountsInOtherCurrencies");

    List<Object> cells() {
      return java.util.Arrays.asList(campaign, name, channel, leads, marketingQualified, salesQualified, opportunities, customers,
          cost, costPerLead, costPerSale, revenue, roi, amountsInOtherCurrencies);
    }
  }

  /**
   * Per campaign: leads captured in the period, leads that became marketing-qualified, sales-qualified,
   * opportunities and customers in it (credited by first or last touch), the campaign's costs in
   * it, cost per lead and per sale, revenue (won deals in it) and ROI.
   */
  public CampaignReport campaigns(ReportPeriod query) {
    ReportPeriod period = resolve(query);
    String credited = period.attribution() == ReportPeriod.Attribution.last ? "l.last_touch_campaign" : "l.campaign";
    MapSqlParameterSource params = params(period);
    String onlyCampaign = period.campaign() == null ? "" : " and " + credited + " = :campaign";
    String onlyCostsOf = period.campaign() == null ? "" : " and c.campaign_key = :campaign";

    Map<String, long[]> counts = new TreeMap<>();
    sql.query("select " + credited + " as campaign, count(*) as n from leads l where l.created_at >= :start and l.created_at < :end"
        + " and " + credited + " is not null" + onlyCampaign + " group by " + credited, params,
        row -> { counts.computeIfAbsent(row.getString("campaign"), key -> new long[5])[0] = row.getLong("n"); });
    List<LeadStatus> reached = List.of(LeadStatus.MARKETING_QUALIFIED, LeadStatus.SALES_QUALIFIED, LeadStatus.OPPORTUNITY,
        LeadStatus.CUSTOMER);
    params.addValue("reached", reached.stream().map(Enum::name).toList());
    sql.query("select " + credited + " as campaign, t.status, count(distinct t.lead_id) as n from lead_transitions t"
        + " join leads l on l.id = t.lead_id where t.occurred_at >= :start and t.occurred_at < :end and t.status in (:reached)"
        + " and " + STATUS_CHANGED + " and " + credited + " is not null" + onlyCampaign + " group by " + credited + ", t.status",
        params, row -> {
          int index = 1 + reached.indexOf(LeadStatus.valueOf(row.getString("status")));
          counts.computeIfAbsent(row.getString("campaign"), key -> new long[5])[index] = row.getLong("n");
        });

    Map<String, BigDecimal> costs = new HashMap<>();
    Map<String, Long> otherCurrencies = new HashMap<>();
    sql.query("select c.campaign_key, c.currency, sum(c.amount) as amount, count(*) as n from campaign_costs c"
        + " where c.spent_on >= :fromDay and c.spent_on <= :toDay" + onlyCostsOf + " group by c.campaign_key, c.currency",
        params, row -> {
          String key = row.getString("campaign_key");
          if (currency.equals(row.getString("currency"))) {
            costs.put(key, row.getBigDecimal("amount"));
          } else {
            otherCurrencies.merge(key, row.getLong("n"), Long::sum);
          }
        });
    Map<String, BigDecimal> revenue = new HashMap<>();
    sql.query("select " + credited + " as campaign, d.currency, sum(d.amount) as amount, count(*) as n from deals d"
        + " join leads l on l.id = d.lead_id where d.outcome = 'WON' and d.closed_at >= :start and d.closed_at < :end"
        + " and d.amount is not null and " + credited + " is not null" + onlyCampaign + " group by " + credited + ", d.currency",
        params, row -> {
          String key = row.getString("campaign");
          if (currency.equals(row.getString("currency"))) {
            revenue.put(key, row.getBigDecimal("amount"));
          } else {
            otherCurrencies.merge(key, row.getLong("n"), Long::sum);
          }
        });

    Map<String, String[]> described = new HashMap<>();
    sql.query("select campaign_key, name, channel, starts_on, ends_on from campaigns"
        + (period.campaign() == null ? "" : " where campaign_key = :campaign"), params, row -> {
          String key = row.getString("campaign_key");
          described.put(key, new String[] {row.getString("name"), row.getString("channel")});
          LocalDate starts = row.getObject("starts_on", LocalDate.class);
          LocalDate ends = row.getObject("ends_on", LocalDate.class);
          boolean runs = (starts == null || !starts.isAfter(period.to())) && (ends == null || !ends.isBefore(period.from()));
          if (runs) {
            counts.computeIfAbsent(key, k -> new long[5]);
          }
        });
    costs.keySet().forEach(key -> counts.computeIfAbsent(key, k -> new long[5]));
    revenue.keySet().forEach(key -> counts.computeIfAbsent(key, k -> new long[5]));
    otherCurrencies.keySet().forEach(key -> counts.computeIfAbsent(key, k -> new long[5]));

    List<CampaignRow> rows = new ArrayList<>();
    counts.forEach((key, n) -> {
      BigDecimal cost = costs.getOrDefault(key, BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP);
      BigDecimal won = revenue.getOrDefault(key, BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP);
      String[] about = described.getOrDefault(key, new String[2]);
      rows.add(new CampaignRow(key, about[0], about[1], n[0], n[1], n[2], n[3], n[4], cost, divide(cost, n[0]),
          divide(cost, n[4]), won,
          cost.signum() == 0 ? null : won.subtract(cost).divide(cost, 4, RoundingMode.HALF_UP),
          otherCurrencies.getOrDefault(key, 0L)));
    });
    return new CampaignReport(period.from(), period.to(), period.attribution(), currency, rows);
  }

  private static BigDecimal divide(BigDecimal amount, long by) {
    return by == 0 ? null : amount.divide(BigDecimal.valueOf(by), 2, RoundingMode.HALF_UP);
  }

  // ---- funnel ----

  public record FunnelReport(LocalDate from, LocalDate to, String campaign, List<FunnelRow> stages) {}

  /**
   * @param next the stage after it (null for the last)
   * @param medianTimeInStage ISO-8601, null when no stay begun in the period ended in it
   */
  public record FunnelRow(LeadStatus stage, LeadStatus next, long entered, Long convertedTo, BigDecimal conversionRate,
      Duration medianTimeInStage, Duration p90TimeInStage, long stays) {

    static final List<String> COLUMNS = List.of("stage", "next", "entered", "convertedTo", "conversionRate",
        "medianTimeInStage", "p90TimeInStage", "stays");

    List<Object> cells() {
      return java.util.Arrays.asList(stage, next, entered, convertedTo, conversionRate, medianTimeInStage, p90TimeInStage, stays);
    }
  }

  /** One stay of a lead in a status: from its entry to the next change of status (null: still there). */
  private record Stay(String leadId, LeadStatus status, Instant entered, Instant left, LeadStatus next) {}

  /**
   * Per stage of the lifecycle: the leads that entered it in the period, how many of them moved on
   * to a later stage by the end of the period, and how long stays begun in the period lasted
   * (those that ended by its end). A lead that left and came back has one stay per visit.
   */
  public FunnelReport funnel(ReportPeriod query) {
    ReportPeriod period = resolve(query);
    MapSqlParameterSource params = params(period);
    List<Stay> stays = sql.query("select s.lead_id, s.status, s.occurred_at, s.left_at, s.next_status from ("
        + " select t.lead_id, t.status, t.occurred_at,"
        + " lead(t.occurred_at) over (partition by t.lead_id order by t.seq_no) as left_at,"
        + " lead(t.status) over (partition by t.lead_id order by t.seq_no) as next_status"
        + " from lead_transitions t where " + STATUS_CHANGED
        + " and t.lead_id in (select x.lead_id from lead_transitions x where x.occurred_at >= :start and x.occurred_at < :end)"
        + (period.campaign() == null ? "" : " and t.lead_id in (select l.id from leads l where l.campaign = :campaign)")
        + ") s where s.occurred_at >= :start and s.occurred_at < :end", params,
        (row, i) -> new Stay(row.getString("lead_id"), LeadStatus.valueOf(row.getString("status")), instant(row.getObject("occurred_at")),
            instant(row.getObject("left_at")), row.getString("next_status") == null ? null : LeadStatus.valueOf(row.getString("next_status"))));
    Instant end = period.end();
    List<FunnelRow> rows = new ArrayList<>();
    for (int i = 0; i < FUNNEL.size(); i++) {
      LeadStatus stage = FUNNEL.get(i);
      LeadStatus next = i + 1 < FUNNEL.size() ? FUNNEL.get(i + 1) : null;
      int rank = i;
      Set<String> entered = new HashSet<>();
      Set<String> converted = new HashSet<>();
      List<Duration> times = new ArrayList<>();
      for (Stay stay : stays) {
        if (stay.status() != stage) {
          continue;
        }
        entered.add(stay.leadId());
        boolean ended = stay.left() != null && stay.left().isBefore(end);
        if (ended) {
          times.add(Duration.between(stay.entered(), stay.left()));
          if (FUNNEL.indexOf(stay.next()) > rank) {
            converted.add(stay.leadId());
          }
        }
      }
      Long convertedTo = next == null ? null : (long) converted.size();
      BigDecimal rate = next == null || entered.isEmpty() ? null
          : BigDecimal.valueOf(converted.size()).divide(BigDecimal.valueOf(entered.size()), 4, RoundingMode.HALF_UP);
      rows.add(new FunnelRow(stage, next, entered.size(), convertedTo, rate, Percentiles.of(times, 0.5), Percentiles.of(times, 0.9),
          times.size()));
    }
    return new FunnelReport(period.from(), period.to(), period.campaign(), rows);
  }

  // ---- speed to lead ----

  public record SpeedToLeadReport(LocalDate from, LocalDate to, String campaign, List<TeamRow> teams) {}

  /**
   * @param followUps follow-ups of leads that became ready for sales in the period
   * @param answered of those, with a first action by a rep by the end of the period
   */
  public record TeamRow(String team, String name, long followUps, long answered, Duration medianTimeToFirstAction,
      Duration p90TimeToFirstAction) {

    static final List<String> COLUMNS = List.of("team", "name", "followUps", "answered", "medianTimeToFirstAction",
        "p90TimeToFirstAction");

    List<Object> cells() {
      return java.util.Arrays.asList(team, name, followUps, answered, medianTimeToFirstAction, p90TimeToFirstAction);
    }
  }

  /** Per team: from sales-ready to the first action of a rep on the follow-up (claim, assignment change, completion). */
  public SpeedToLeadReport speedToLead(ReportPeriod query) {
    ReportPeriod period = resolve(query);
    Instant end = period.end();
    Map<String, List<Duration>> times = new TreeMap<>();
    Map<String, long[]> counts = new TreeMap<>();
    sql.query("select f.team, f.sales_ready_at, f.first_action_at from follow_ups f"
        + (period.campaign() == null ? "" : " join leads l on l.id = f.lead_id and l.campaign = :campaign")
        + " where f.sales_ready_at >= :start and f.sales_ready_at < :end", params(period), row -> {
          String team = row.getString("team");
          counts.computeIfAbsent(team, t -> new long[2])[0]++;
          times.computeIfAbsent(team, t -> new ArrayList<>());
          Instant acted = instant(row.getObject("first_action_at"));
          if (acted != null && acted.isBefore(end)) {
            counts.get(team)[1]++;
            times.get(team).add(Duration.between(instant(row.getObject("sales_ready_at")), acted));
          }
        });
    List<TeamRow> rows = new ArrayList<>();
    counts.forEach((team, n) -> rows.add(new TeamRow(team, teams.getOrDefault(team, team), n[0], n[1],
        Percentiles.of(times.get(team), 0.5), Percentiles.of(times.get(team), 0.9))));
    return new SpeedToLeadReport(period.from(), period.to(), period.campaign(), rows);
  }

  // ---- score quality ----

  public record ScoreQualityReport(LocalDate from, LocalDate to, String campaign, List<RatingRow> ratings) {}

  /**
   * @param qualified leads that became ready for sales (marketing- or sales-qualified) in the period, by their rating then
   * @param opportunities of those, how many became opportunities (or customers) by the end of the period
   */
  public record RatingRow(String rating, long qualified, long opportunities, BigDecimal opportunityRate) {

    static final List<String> COLUMNS = List.of("rating", "qualified", "opportunities", "opportunityRate");

    List<Object> cells() {
      return java.util.Arrays.asList(rating, qualified, opportunities, opportunityRate);
    }
  }

  /** Per rating (A1 to D4, or "unrated"): the share of qualified leads that became opportunities. */
  public ScoreQualityReport scoreQuality(ReportPeriod query) {
    ReportPeriod period = resolve(query);
    MapSqlParameterSource params = params(period);
    params.addValue("qualified", List.of(LeadStatus.MARKETING_QUALIFIED.name(), LeadStatus.SALES_QUALIFIED.name()));
    params.addValue("opportunity", List.of(LeadStatus.OPPORTUNITY.name(), LeadStatus.CUSTOMER.name()));
    // the first qualification of each lead in the period, with its rating then, and whether an opportunity followed
    Map<String, Object[]> firstByLead = new LinkedHashMap<>();
    sql.query("select t.lead_id, t.rating, t.occurred_at, (select count(*) from lead_transitions o where o.lead_id = t.lead_id"
        + " and o.status in (:opportunity) and o.occurred_at >= t.occurred_at and o.occurred_at < :end) as opportunities"
        + " from lead_transitions t"
        + (period.campaign() == null ? "" : " join leads l on l.id = t.lead_id and l.campaign = :campaign")
        + " where t.status in (:qualified) and " + STATUS_CHANGED + " and t.occurred_at >= :start and t.occurred_at < :end"
        + " order by t.occurred_at, t.seq_no", params,
        row -> {
          firstByLead.putIfAbsent(row.getString("lead_id"),
              new Object[] {row.getString("rating") == null ? "unrated" : row.getString("rating"), row.getLong("opportunities") > 0});
        });
    Map<String, long[]> byRating = new TreeMap<>(Comparator.comparing((String rating) -> rating.equals("unrated")).thenComparing(r -> r));
    firstByLead.values().forEach(first -> {
      long[] n = byRating.computeIfAbsent((String) first[0], r -> new long[2]);
      n[0]++;
      if ((Boolean) first[1]) {
        n[1]++;
      }
    });
    List<RatingRow> rows = new ArrayList<>();
    byRating.forEach((rating, n) -> rows.add(new RatingRow(rating, n[0], n[1],
        BigDecimal.valueOf(n[1]).divide(BigDecimal.valueOf(n[0]), 4, RoundingMode.HALF_UP))));
    return new ScoreQualityReport(period.from(), period.to(), period.campaign(), rows);
  }

  // ----

  private static MapSqlParameterSource params(ReportPeriod period) {
    return new MapSqlParameterSource()
        .addValue("start", OffsetDateTime.ofInstant(period.start(), ZoneOffset.UTC))
        .addValue("end", OffsetDateTime.ofInstant(period.end(), ZoneOffset.UTC))
        .addValue("fromDay", java.sql.Date.valueOf(period.from()))
        .addValue("toDay", java.sql.Date.valueOf(period.to()))
        .addValue("campaign", period.campaign());
  }

  private static Instant instant(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Timestamp timestamp) {
      return timestamp.toInstant();
    }
    if (value instanceof OffsetDateTime offset) {
      return offset.toInstant();
    }
    if (value instanceof java.time.ZonedDateTime zoned) {
      return zoned.toInstant();
    }
    if (value instanceof Instant instant) {
      return instant;
    }
    throw new IllegalStateException("Not a time: " + value.getClass());
  }
}
