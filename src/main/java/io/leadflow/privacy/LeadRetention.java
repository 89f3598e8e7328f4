package io.leadflow.privacy;

import io.leadflow.lead.Leads;
import io.leadflow.lead.PersonalDataRights;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
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

  /** A lead whose last activity came before the cut-off: parameters {@link #inactiveParameters}. */
  private static final String INACTIVE = """
      l.erased_at is null
      and l.status not in (%s)
      and l.created_at < ? and coalesce(l.status_since, l.created_at) < ?
      and not exists (select 1 from lead_captures c where c.lead_id = l.id and c.captured_at >= ?)
      and not exists (select 1 from interactions i where i.lead_id = l.id and i.occurred_at >= ? and i.filtered = false)
      and not exists (select 1 from consent_records r where r.lead_id = l.id and r.changed_at >= ?)
      """;

  private final JdbcTemplate jdbc;
  private final Leads leads;
  private final PersonalDataRights rights;
  private final RetentionSettings settings;
  private final Clock clock;

  LeadRetention(JdbcTemplate jdbc, Leads leads, PersonalDataRights rights, RetentionSettings settings, Clock clock) {
    this.jdbc = jdbc;
    this.leads = leads;
    this.rights = rights;
    this.settings = settings;
    this.clock = clock;
  }

  /** The oldest inactive leads, at most {@code batch} of them. */
  @Transactional(readOnly = true)
  List<String> find() {
    return jdbc.queryForList("select l.id from leads l where " + inactive() + " order by l.created_at, l.id fetch first "
        + settings.batch() + " rows only", String.class, inactiveParameters());
  }

  /**
   * Erases or anonymises the lead ({@code mode}) if it is still inactive: one that became active
   * since it was found, or is gone, is left alone.
   *
   * @return whether it was retired
   */
  @Transactional
  boolean retire(String leadId) {
    // locked first, then checked in a statement of its own: a capture or an interaction that
    // committed while we waited for the lock is seen, and one that comes later waits for us
    leads.lock(leadId);
    Integer stillInactive = jdbc.queryForObject("select count(*) from leads l where l.id = ? and " + inactive(),
        Integer.class, prepend(leadId, inactiveParameters()));
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

  private String inactive() {
    // "not in ()" is no SQL: with no kept status, one no lead has
    return INACTIVE.formatted(String.join(", ", Collections.nCopies(Math.max(1, settings.keptStatuses().size()), "?")));
  }

  /** The kept statuses, then the cut-off five times. */
  private Object[] inactiveParameters() {
    Timestamp cutoff = Timestamp.from(cutoff());
    List<Object> parameters = new ArrayList<>(settings.keptStatuses().stream().map(Enum::name).sorted().toList());
    if (parameters.isEmpty()) {
      parameters.add("");
    }
    parameters.addAll(Collections.nCopies(5, cutoff));
    return parameters.toArray();
  }

  private static Object[] prepend(Object first, Object[] rest) {
    Object[] all = new Object[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }

  private Instant cutoff() {
    return clock.instant().atZone(ZoneOffset.UTC).minus(settings.inactiveAfter()).toInstant();
  }
}
