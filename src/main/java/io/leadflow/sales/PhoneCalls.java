package io.leadflow.sales;

import static io.leadflow.sales.PhoneALeadProcess.Outcomes.CALL_AGAIN;
import static io.leadflow.sales.PhoneALeadProcess.Outcomes.DISQUALIFY;
import static io.leadflow.sales.PhoneALeadProcess.Outcomes.NOT_INTERESTED;
import static io.leadflow.sales.PhoneALeadProcess.Outcomes.NURTURE;
import static io.leadflow.sales.PhoneALeadProcess.Outcomes.QUALIFIED;

import io.leadflow.lead.Lead;
import io.leadflow.lead.LeadLifecycle;
import io.leadflow.lead.Leads;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;

/**
 * "Phone a lead" (bpmn/phone-a-lead.bpmn): anyone may decide to simply phone a lead. The call goes
 * to the lead's team; while it is open the journey sends nothing; its outcome may qualify the lead
 * at once, whatever its score (the lead's lifecycle then starts the hand-off).
 */
@Service
public class PhoneCalls {

  private final Leads leads;
  private final LeadLifecycle lifecycle;
  private final SalesRouting routing;
  private final RuntimeService runtime;
  private final CallSettings settings;
  private final Clock clock;

  PhoneCalls(Leads leads, LeadLifecycle lifecycle, SalesRouting routing, RuntimeService runtime, CallSettings settings,
      Clock clock) {
    this.leads = leads;
    this.lifecycle = lifecycle;
    this.routing = routing;
    this.runtime = runtime;
    this.settings = settings;
    this.clock = clock;
  }

  /** {@code POST /api/leads/{id}/call-requests}: the same process as Tasklist's start menu. */
  public ProcessInstance request(String leadId, String reason, String requestedBy) {
    return runtime.startProcessInstanceByKey(PhoneALeadProcess.KEY, leadId, Map.of(
        PhoneALeadProcess.Variables.LEAD_ID, leadId,
        PhoneALeadProcess.Variables.REASON, reason,
        PhoneALeadProcess.Variables.REQUESTED_BY, requestedBy));
  }

  /** Whether a call is open for the lead: its journey sends nothing meanwhile. */
  public boolean isOpenFor(String leadId) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(PhoneALeadProcess.KEY)
        .processInstanceBusinessKey(leadId).active().count() > 0;
  }

  /**
   * "Find the lead and its team": by id (API) or by the email typed into the start form.
   *
   * @throws IllegalArgumentException when there is no such lead
   */
  public Call prepare(String leadId, Object email) {
    Lead lead = (leadId != null ? leads.find(leadId) : leads.findByEmail(email == null ? null : email.toString()))
        .orElseThrow(() -> new IllegalArgumentException("No lead with " + (leadId != null ? "id " + leadId : "email " + email)));
    return new Call(lead, routing.route(lead), settings.maxAttempts());
  }

  /**
   * The call's outcome, checked when the call task is completed.
   *
   * @param callAgainAt the time the rep chose to call again, if any (a date-time with or without offset, UTC then)
   * @return when to call again (the chosen time, or leadflow.calls.call-again-after from now), for CALL_AGAIN; else null
   * @throws IllegalArgumentException naming what is missing or wrong
   */
  public Date check(Object outcome, Object callAgainAt, Object afterNotInterested) {
    if (CALL_AGAIN.equals(outcome)) {
      return callAgainDate(callAgainAt);
    }
    if (NOT_INTERESTED.equals(outcome)) {
      if (!NURTURE.equals(afterNotInterested) && !DISQUALIFY.equals(afterNotInterested)) {
        throw new IllegalArgumentException("Say whether to keep nurturing the lead or to disqualify it");
      }
      return null;
    }
    if (!QUALIFIED.equals(outcome)) {
      throw new IllegalArgumentException("Say how the call went: qualified, call again or not interested");
    }
    return null;
  }

  /** "Hand to sales now": sales-qualified, so the hand-off starts at once. */
  public void qualify(String leadId) {
    lifecycle.qualifiedByPhone(leadId);
  }

  /** A call about to be made: the lead, who calls, and how many attempts it gets. */
  public record Call(Lead lead, Assignment assignment, int maxAttempts) {}

  private Date callAgainDate(Object chosen) {
    Instant at = clock.instant().plus(settings.callAgainAfter());
    if (chosen instanceof Date date) {
      at = date.toInstant();
    } else if (chosen != null && !chosen.toString().isBlank()) {
      try {
        at = OffsetDateTime.parse(chosen.toString()).toInstant();
      } catch (DateTimeParseException withoutOffset) {
        try {
          at = LocalDateTime.parse(chosen.toString()).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
          throw new IllegalArgumentException("'" + chosen + "' is not a date and time to call again at");
        }
      }
    }
    return Date.from(at);
  }
}
