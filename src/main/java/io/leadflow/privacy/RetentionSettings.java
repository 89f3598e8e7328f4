package io.leadflow.privacy;

import io.leadflow.lead.LeadStatus;
import java.time.Period;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Retention ({@code leadflow.privacy.retention.*}): leads with no activity for {@code
 * inactive-after} (default 24 months) are retired by {@code bpmn/lead-retention.bpmn}, at most
 * {@code batch} per night, by {@code mode}: {@code ANONYMISE} (the default: every personal field
 * and text removed, the address may be captured again with new consent) or {@code ERASE} (the
 * same, plus a tombstone of the address, so a later capture is refused or flagged as after the
 * person's own request). Leads in one of {@code kept-statuses} are never retired, however long
 * they are inactive (default: in sales, opportunities and customers: a customer is a contract,
 * not a lead).
 */
@ConfigurationProperties("leadflow.privacy.retention")
record RetentionSettings(Period inactiveAfter, Mode mode, Integer batch, Set<LeadStatus> keptStatuses) {

  RetentionSettings {
    inactiveAfter = inactiveAfter == null ? Period.ofMonths(24) : inactiveAfter;
    mode = mode == null ? Mode.ANONYMISE : mode;
    batch = batch == null ? 500 : batch;
    keptStatuses = keptStatuses == null
        ? EnumSet.of(LeadStatus.IN_SALES, LeadStatus.OPPORTUNITY, LeadStatus.CUSTOMER) : Set.copyOf(keptStatuses);
    if (inactiveAfter.isNegative() || inactiveAfter.isZero()) {
      throw new IllegalArgumentException("leadflow.privacy.retention.inactive-after must be a positive period, e.g. P24M");
    }
    if (batch < 1) {
      throw new IllegalArgumentException("leadflow.privacy.retention.batch must be at least 1");
    }
  }

  /** What retention does to an inactive lead. */
  enum Mode {
    ERASE,
    ANONYMISE
  }
}
