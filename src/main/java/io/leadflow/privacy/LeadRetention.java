package io.leadflow.privacy;

import io.leadflow.lead.PersonalDataRights;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Retention: the leads with no activity since the cut-off ({@code leadflow.privacy.retention.*}),
 * and retiring one of them. A lead's activity is its capture and every capture again, every
 * interaction a person made (not those the filter judged machine-made), every status change and
 * every consent change. Leads sales has (in sales, an opportunity, a customer) are never retired:
 * a customer is a contract, not a lead. Knows nothing of the engine.
 */
@Service
class LeadRetention {

  private static final Logger log = LoggerFactory.getLogger(LeadRetention.class);
  static final String RETIRED_BY = "retention";

  /** A lead whose last activity came before :cutoff (the same parameter four times). */
  private static final String INACTIVE = """
      l.erased_at is null
      and l.status not in ('IN_SALES', 'OPPORTUNITY', 'CUSTOMER')
      and l.created_at < ? and coalesce(l.status_since, l.created_at) < ?
      and not exists (select 1 from lead_captures c where c.lead_id = l.id and c.captured_at >= ?)
      and not exists (select 1 from interactions i where i.lead_id = l.id and i.occurred_at >= ? and i.filtered = false)
      and not exists (select 1 from consent_records r where r.lead_id = l.id and r.changed_at >= ?)
      """;

  private final JdbcTemplate jdbc;
  private final PersonalDataRights rights;
  private final RetentionSettings settings;
  private final Clock clock;

  LeadRetention(JdbcTemplate jdbc, PersonalDataRights rights, RetentionSettings settings, Clock clock) {
    this.jdbc = jdbc;
    this.rights = rights;
    this.settings = settings;
    this.clock = clock;
  }

  /** The oldest inactive leads, at most {@code batch} of them. */
  @Transactional(readOnly = true)
  List<String> find() {
    Timestamp cutoff = Timestamp.from(cutoff());
    return jdbc.queryForList("select l.id from leads l where " + INACTIVE + " order by l.created_at, l.id fetch first "
        + settings.batch() + " rows only", String.class, cutoff, cutoff, cutoff, cutoff, cutoff);
  }

  /**
   * Erases or anonymises the lead ({@code mode}) if it is still inactive: one that became active
   * since it was found, or is gone, is left alone.
   *
   * @return whether it was retired
   */
  @Transactional
  boolean retire(String leadId) {
    Timestamp cutoff = Timestamp.from(cutoff());
    Integer stillInactive = jdbc.queryForObject("select count(*) from leads l where l.id = ? and " + INACTIVE,
        Integer.class, leadId, cutoff, cutoff, cutoff, cutoff, cutoff);
    if (stillInactive == null || stillInactive == 0) {
      log.info("Lead {} is no longer inactive (or is gone): retention leaves it", leadId);
      return false;
    }
    String reason = "no activity since " + cutoff().atOffset(ZoneOffset.UTC).toLocalDate()
        + " (leadflow.privacy.retention.inactive-after " + settings.inactiveAfter() + ")";
    if (settings.mode() == RetentionSettings.Mode.ERASE) {
      rights.erase(leadId, reason, RETIRED_BY);
    } else {
      rights.anonymise(leadId, reason, RETIRED_BY);
    }
    return true;
  }

  private Instant cutoff() {
    return clock.instant().atZone(ZoneOffset.UTC).minus(settings.inactiveAfter()).toInstant();
  }
}
