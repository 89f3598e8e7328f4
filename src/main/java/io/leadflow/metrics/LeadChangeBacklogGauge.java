package io.leadflow.metrics;

import io.leadflow.lead.LeadChangeRelay;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * {@code leadflow_lead_changes_waiting}: lead changes committed and not yet told to the engine
 * (rows of the lead change outbox, counted per scrape). Near 0 in normal runs; a value that grows
 * means the relay falls behind or fails (its warnings in the log name the lead).
 */
@Component
class LeadChangeBacklogGauge {

  LeadChangeBacklogGauge(LeadChangeRelay relay, MeterRegistry registry) {
    Gauge.builder("leadflow.lead.changes.waiting", relay, LeadChangeRelay::backlog)
        .description("Lead changes committed and not yet told to the engine (the lead change outbox)")
        .register(registry);
  }
}
