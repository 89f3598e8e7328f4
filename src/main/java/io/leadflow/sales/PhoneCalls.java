package io.leadflow.sales;

import io.leadflow.lead.FunnelStage;
import io.leadflow.lead.Lead;
import io.leadflow.lead.LeadRepository;
import io.leadflow.lead.LeadStateChanged;
import io.leadflow.lead.LeadStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * "Phone a lead" (bpmn/phone-a-lead.bpmn): anyone may decide to simply phone a lead. The call goes
 * to the lead's team; while it is open the journey sends nothing; its outcome may qualify the lead
 * at once, whatever its score.
 */
@Service
public class PhoneCalls {

  public static final String PROCESS_KEY = "phone-a-lead";

  private final LeadRepository leads;
  private final SalesRouting routing;
  private final RuntimeService runtime;
  private final ApplicationEventPublisher events;
  private final CallSettings settings;
  private final Clock clock;

  PhoneCalls(LeadRepository leads, SalesRouting routing, RuntimeService runtime, ApplicationEventPublisher events,
      CallSettings settings, Clock clock) {
    this.leads = leads;
    this.routing = routing;
    this.runtime = runtime;
    this.events = events;
    this.settings = settings;
    this.clock = clock;
  }

  /** {@code POST /api/leads/{id}/call-requests}: the same process as Tasklist's start menu. */
  public ProcessInstance request(String leadId, String reason, String requestedBy) {
    return runtime.startProcessInstanceByKey(PROCESS_KEY, leadId,
        Map.of("leadId", leadId, "reason", reason, "requestedBy", requestedBy));
  }

  /** Whether a call is open for the lead: its journey sends nothing meanwhile. */
  public boolean isOpenFor(String leadId) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).processInstanceBusinessKey(leadId)
        .active().count() > 0;
  }

  /** "Find the lead and its team": by id (API) or by the email typed into the start form. */
  public void prepare(DelegateExecution execution) {
    String leadId = (String) execution.getVariable("leadId");
    Object email = execution.getVariable("leadEmail");
    Lead lead = (leadId != null ? leads.findById(leadId)
        : leads.findByEmail(String.valueOf(email).trim().toLowerCase(Locale.ROOT)))
        .orElseThrow(() -> new IllegalArgumentException("No lead with " + (leadId != null ? "id " + leadId : "email " + email)));
    if (execution.getProcessBusinessKey() == null) {
      execution.setProcessBusinessKey(lead.getId());
    }
    Assignment assignment = routing.route(lead);
    execution.setVariables(SalesTaskVariables.of(lead, assignment));
    execution.setVariable("callAttempt", 1);
    execution.setVariable("maxCallAttempts", settings.maxAttempts());
  }

  /** The call's outcome, checked when the task is completed; "call again" gets its time. */
  public void check(DelegateTask task) {
    Object outcome = task.getVariable("callOutcome");
    if ("CALL_AGAIN".equals(outcome)) {
      task.setVariable("callAgainDate", callAgainDate(task.getVariable("callAgainAt")));
    } else if ("NOT_INTERESTED".equals(outcome)) {
      Object then = task.getVariable("afterNotInterested");
      if (!"NURTURE".equals(then) && !"DISQUALIFY".equals(then)) {
        throw new IllegalArgumentException("Say whether to keep nurturing the lead or to disqualify it");
      }
    } else if (!"QUALIFIED".equals(outcome)) {
      throw new IllegalArgumentException("Say how the call went: qualified, call again or not interested");
    }
  }

  /** "Hand to sales now": sales-qualified, so its journey hands it over at once. */
  public void qualify(DelegateExecution execution) {
    Lead lead = leads.lockById((String) execution.getVariable("leadId")).orElseThrow();
    LeadStatus status = lead.getStatus();
    FunnelStage stage = lead.getStage();
    lead.qualifiedByPhone(clock.instant());
    events.publishEvent(new LeadStateChanged(lead, status, stage));
  }

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
