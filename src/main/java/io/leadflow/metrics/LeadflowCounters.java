package io.leadflow.metrics;

import io.leadflow.delivery.DeliveryAttempted;
import io.leadflow.interaction.InteractionType;
import io.leadflow.journey.EmailSuppressed;
import io.leadflow.lead.LeadEmailBounced;
import io.leadflow.lead.NewLeadCaptured;
import io.leadflow.sales.HandoffStarted;
import io.leadflow.scoring.InteractionScored;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Counters of what happens, counted from the events the features publish where it happens: no
 * query, nothing on the hot paths but an increment. Prometheus names (a {@code _total} suffix
 * each): {@code leadflow_leads_captured}, {@code leadflow_interactions{type}},
 * {@code leadflow_interactions_filtered{type}} (machine-made or repeated, 0 points),
 * {@code leadflow_points_awarded{type}} and {@code leadflow_points_deducted{type}} (the points of
 * scored interactions, positive and negative), {@code leadflow_emails_sent},
 * {@code leadflow_emails_failed}, {@code leadflow_emails_outcome_unknown},
 * {@code leadflow_emails_bounced}, {@code leadflow_emails_suppressed{reason}},
 * {@code leadflow_handoffs_started}. They count since this node started (Prometheus' rate() and
 * increase() handle restarts); counted when the work is done, so a transaction rolled back
 * afterwards still counts.
 */
@Component
class LeadflowCounters {

  private final MeterRegistry registry;
  private final Counter captured;
  private final Map<InteractionType, Counter> interactions = new EnumMap<>(InteractionType.class);
  private final Map<InteractionType, Counter> filtered = new EnumMap<>(InteractionType.class);
  private final Map<InteractionType, Counter> awarded = new EnumMap<>(InteractionType.class);
  private final Map<InteractionType, Counter> deducted = new EnumMap<>(InteractionType.class);
  private final Counter sent;
  private final Counter failed;
  private final Counter unknown;
  private final Counter bounced;
  private final Counter handoffs;

  LeadflowCounters(MeterRegistry registry) {
    this.registry = registry;
    captured = Counter.builder("leadflow.leads.captured").description("New leads captured (an email seen for the first time)")
        .register(registry);
    for (InteractionType type : InteractionType.values()) {
      String tag = type.name();
      interactions.put(type, Counter.builder("leadflow.interactions").tag("type", tag)
          .description("Interactions stored and scored, by type").register(registry));
      filtered.put(type, Counter.builder("leadflow.interactions.filtered").tag("type", tag)
          .description("Interactions recorded but judged machine-made or repeated (0 points), by type").register(registry));
      awarded.put(type, Counter.builder("leadflow.points.awarded").tag("type", tag)
          .description("Points awarded by scored interactions, by type").register(registry));
      deducted.put(type, Counter.builder("leadflow.points.deducted").tag("type", tag)
          .description("Points taken off by scored interactions (negative points), by type").register(registry));
    }
    sent = Counter.builder("leadflow.emails.sent").description("Emails the mail server accepted").register(registry);
    failed = Counter.builder("leadflow.emails.failed")
        .description("Attempts the mail server refused or that could not reach it (retried), refused addresses included")
        .register(registry);
    unknown = Counter.builder("leadflow.emails.outcome.unknown")
        .description("Emails handed to the mail server without an answer (not sent again by themselves)").register(registry);
    bounced = Counter.builder("leadflow.emails.bounced").description("Leads whose email bounced for good (hard bounces)")
        .register(registry);
    handoffs = Counter.builder("leadflow.handoffs.started").description("Sales hand-offs started").register(registry);
  }

  @EventListener
  void on(NewLeadCaptured event) {
    captured.increment();
  }

  @EventListener
  void on(InteractionScored event) {
    interactions.get(event.type()).increment();
    if (event.filtered()) {
      filtered.get(event.type()).increment();
    }
    if (event.points() > 0) {
      awarded.get(event.type()).increment(event.points());
    } else if (event.points() < 0) {
      deducted.get(event.type()).increment(-event.points());
    }
  }

  @EventListener
  void on(DeliveryAttempted event) {
    switch (event.outcome()) {
      case SENT -> sent.increment();
      case FAILED -> failed.increment();
      case UNKNOWN -> unknown.increment();
      default -> { }
    }
  }

  @EventListener
  void on(LeadEmailBounced event) {
    bounced.increment();
  }

  @EventListener
  void on(EmailSuppressed event) {
    // few reasons (HARD_BOUNCE, INVALID_ADDRESS, NO_CONSENT, UNSUBSCRIBED, DISQUALIFIED): a small tag
    Counter.builder("leadflow.emails.suppressed").tag("reason", event.reason())
        .description("Sends the journey was due to make and did not: nothing may be emailed to the lead")
        .register(registry).increment();
  }

  @EventListener
  void on(HandoffStarted event) {
    handoffs.increment();
  }
}
