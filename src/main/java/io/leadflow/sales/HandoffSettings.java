package io.leadflow.sales;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How fast sales must act ({@code leadflow.handoff.*}): when a follow-up is due for a
 * sales-qualified lead (a demo request: within the hour) and for a marketing-qualified one (within
 * a working day), when an untouched follow-up goes back to the whole team, the CRM that gets
 * opportunities ({@code crm-url}; empty: recorded in Leadflow only), and the hand-off safety net:
 * how long a lead may be ready for sales without a hand-off before it starts one ({@code
 * safety-net-after}) and how many leads one run takes at most ({@code safety-net-batch}).
 */
@ConfigurationProperties("leadflow.handoff")
public record HandoffSettings(Duration salesQualifiedDue, Duration marketingQualifiedDue, Duration reassignAfter,
    String crmUrl, Duration safetyNetAfter, Integer safetyNetBatch) {

  public HandoffSettings {
    salesQualifiedDue = salesQualifiedDue == null ? Duration.ofHours(1) : salesQualifiedDue;
    marketingQualifiedDue = marketingQualifiedDue == null ? Duration.ofHours(8) : marketingQualifiedDue;
    reassignAfter = reassignAfter == null ? Duration.ofHours(24) : reassignAfter;
    crmUrl = crmUrl == null ? "" : crmUrl.trim();
    safetyNetAfter = safetyNetAfter == null ? Duration.ofMinutes(5) : safetyNetAfter;
    safetyNetBatch = safetyNetBatch == null ? 500 : safetyNetBatch;
  }
}
