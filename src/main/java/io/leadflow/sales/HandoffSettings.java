package io.leadflow.sales;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How fast sales must act ({@code leadflow.handoff.*}): when a follow-up is due for a
 * sales-qualified lead (a demo request: within the hour) and for a marketing-qualified one (within
 * a working day), when an untouched follow-up goes back to the whole team, and the CRM that gets
 * opportunities ({@code crm-url}; empty: recorded in Leadflow only).
 */
@ConfigurationProperties("leadflow.handoff")
public record HandoffSettings(Duration salesQualifiedDue, Duration marketingQualifiedDue, Duration reassignAfter,
    String crmUrl) {

  public HandoffSettings {
    salesQualifiedDue = salesQualifiedDue == null ? Duration.ofHours(1) : salesQualifiedDue;
    marketingQualifiedDue = marketingQualifiedDue == null ? Duration.ofHours(8) : marketingQualifiedDue;
    reassignAfter = reassignAfter == null ? Duration.ofHours(24) : reassignAfter;
    crmUrl = crmUrl == null ? "" : crmUrl.trim();
  }
}
