package io.leadflow.journey;

import io.leadflow.lead.FunnelStage;
import io.leadflow.lead.LeadRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The journey's timers ask this bean when to fire (bpmn/lead-nurturing.bpmn):
 * {@code ${journeyClock.nextSend(execution, 'TOFU')}} is the stage's cadence from now, moved into
 * the lead's send window; {@code ${journeyClock.maxLength()}} the longest a journey may last.
 */
@Component("journeyClock")
public class JourneyClock {

  private final JourneySettings settings;
  private final SendWindow window;
  private final LeadRepository leads;
  private final Clock clock;

  JourneyClock(JourneySettings settings, SendWindow window, LeadRepository leads, Clock clock) {
    this.settings = settings;
    this.window = window;
    this.leads = leads;
    this.clock = clock;
  }

  public Date nextSend(DelegateExecution execution, String stage) {
    String leadId = (String) execution.getVariable(JourneyVariables.LEAD_ID);
    String country = leads.findById(leadId).map(lead -> lead.getCountry()).orElse(null);
    Instant due = clock.instant().plus(settings.cadence().of(FunnelStage.valueOf(stage)));
    return Date.from(window.nextOpening(due, country));
  }

  /** An ISO-8601 duration, for the journey's boundary timer. */
  public String maxLength() {
    return settings.maxLength().toString();
  }
}
