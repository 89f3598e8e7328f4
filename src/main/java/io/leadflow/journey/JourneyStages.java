package io.leadflow.journey;

import io.leadflow.lead.Lead;
import io.leadflow.lead.LeadRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Service;

/** The moves the journey itself makes with a lead: parking it in keep-warm, taking it back from sales. */
@Service
public class JourneyStages {

  private final LeadRepository leads;
  private final Clock clock;

  JourneyStages(LeadRepository leads, Clock clock) {
    this.leads = leads;
    this.clock = clock;
  }

  /** "Move to keep-warm": the stage's content is used up. */
  public void keepWarm(DelegateExecution execution) {
    Lead lead = lead(execution);
    lead.keptWarm(clock.instant());
    execution.setVariables(JourneyVariables.state(lead));
  }

  /** "Return to nurturing": sales sent the lead back; it re-enters at the stage its score says. */
  public void returnToNurturing(DelegateExecution execution) {
    Lead lead = lead(execution);
    lead.backToNurturing(clock.instant(), notBefore(execution.getVariable("salesNotBefore")));
    execution.setVariables(JourneyVariables.state(lead));
  }

  /** The follow-up form's "not before" day (form-js sends a date as yyyy-MM-dd), from its start, UTC. */
  private static Instant notBefore(Object day) {
    if (day instanceof Date date) {
      return date.toInstant();
    }
    if (day == null || day.toString().isBlank()) {
      return null;
    }
    String value = day.toString().trim();
    return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant() : OffsetDateTime.parse(value).toInstant();
  }

  /** "Nurture as a customer": onboarding and loyalty content from now on. */
  public void nurtureAsCustomer(DelegateExecution execution) {
    execution.setVariables(JourneyVariables.state(lead(execution)));
  }

  private Lead lead(DelegateExecution execution) {
    String leadId = (String) execution.getVariable(JourneyVariables.LEAD_ID);
    return leads.lockById(leadId).orElseThrow(() -> new IllegalStateException("The journey's lead " + leadId + " is gone"));
  }
}
