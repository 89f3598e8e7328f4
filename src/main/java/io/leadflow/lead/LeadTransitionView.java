package io.leadflow.lead;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * One entry of {@code GET /api/leads/{id}/history} (API.md): the status and stage the lead had
 * from {@code at} (UTC), and why ({@link LeadLifecycle} names the causes).
 */
public record LeadTransitionView(OffsetDateTime at, LeadStatus status, FunnelStage stage, String cause) {

  static LeadTransitionView of(LeadTransition transition) {
    return new LeadTransitionView(transition.getAt().atOffset(ZoneOffset.UTC), transition.getStatus(),
        transition.getStage(), transition.getCause());
  }
}
