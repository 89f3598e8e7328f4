package io.leadflow.sales;

import io.leadflow.content.ContentItemRepository;
import io.leadflow.delivery.DeliveryRepository;
import io.leadflow.interaction.InteractionRepository;
import io.leadflow.lead.Lead;
import io.leadflow.lead.LeadRepository;
import io.leadflow.lead.FunnelStage;
import io.leadflow.lead.LeadStateChanged;
import io.leadflow.lead.LeadStatus;
import org.springframework.context.ApplicationEventPublisher;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Service;

/**
 * The follow-up a salesperson works in Tasklist (bpmn/sales-handoff.bpmn, forms/follow-up-lead.form):
 * who gets it, when it is due, what the form shows, and what its outcome does to the lead.
 */
@Service
public class FollowUp {

  /** The outcomes the form offers. */
  public static final String OPPORTUNITY = "OPPORTUNITY";
  public static final String NOT_READY = "NOT_READY";
  public static final String DISQUALIFIED = "DISQUALIFIED";
  public static final String WON = "WON";

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private final LeadRepository leads;
  private final SalesRouting routing;
  private final InteractionRepository interactions;
  private final DeliveryRepository deliveries;
  private final ContentItemRepository content;
  private final HandoffSettings settings;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  FollowUp(LeadRepository leads, SalesRouting routing, InteractionRepository interactions, DeliveryRepository deliveries,
      ContentItemRepository content, HandoffSettings settings, Clock clock, ApplicationEventPublisher events) {
    this.events = events;
    this.leads = leads;
    this.routing = routing;
    this.interactions = interactions;
    this.deliveries = deliveries;
    this.content = content;
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * "Route to a sales team": the team (and rep) the routing decision names, the due time from the
   * qualification, everything the form shows; the lead is in sales from now on.
   */
  public void prepare(DelegateExecution execution) {
    Lead lead = lead(execution);
    Assignment assignment = routing.route(lead);
    Instant now = clock.instant();
    boolean salesQualified = lead.getStatus() == LeadStatus.SALES_QUALIFIED;
    Map<String, Object> variables = SalesTaskVariables.of(lead, assignment);
    variables.put("followUpDue", Date.from(now.plus(salesQualified ? settings.salesQualifiedDue() : settings.marketingQualifiedDue())));
    variables.put("leadProfile", profile(lead));
    variables.put("scores", "Fit %d, engagement %d, social %d: total %d, rating %s".formatted(
        lead.getFitScore(), lead.getEngagementScore(), lead.getSocialScore(), lead.getScore(), lead.getRating()));
    variables.put("whyQualified", salesQualified
        ? "Sales-qualified: asked for a demo, a quote or the price list"
        : "Marketing-qualified: fit and engagement reached the threshold (rating " + lead.getRating() + ")");
    variables.put("lastInteractions", lastInteractions(lead));
    variables.put("contentSent", contentSent(lead));
    execution.setVariables(variables);
    lead.handedToSales(now);
  }

  /** Checked again on the server when the task is completed: the form's required fields. */
  public void check(DelegateTask task) {
    Object outcome = task.getVariable("outcome");
    if (!(OPPORTUNITY.equals(outcome) || WON.equals(outcome) || NOT_READY.equals(outcome) || DISQUALIFIED.equals(outcome))) {
      throw new IllegalArgumentException("Choose an outcome: opportunity, won, not ready or disqualified");
    }
    if (DISQUALIFIED.equals(outcome) && isBlank(task.getVariable("disqualifiedBecause"))) {
      throw new IllegalArgumentException("Say why the lead is disqualified");
    }
    if (NOT_READY.equals(outcome) && isBlank(task.getVariable("reason"))) {
      throw new IllegalArgumentException("Say why the lead is not ready");
    }
  }

  /** "Disqualify the lead" (after a follow-up or a call): its journey, where it still runs, ends. */
  public void disqualify(DelegateExecution execution) {
    Lead lead = lead(execution);
    LeadStatus status = lead.getStatus();
    FunnelStage stage = lead.getStage();
    lead.disqualified(clock.instant());
    events.publishEvent(new LeadStateChanged(lead, status, stage));
  }

  private Lead lead(DelegateExecution execution) {
    String leadId = (String) execution.getVariable("leadId");
    return leads.lockById(leadId).orElseThrow(() -> new IllegalStateException("No lead " + leadId));
  }

  private static String profile(Lead lead) {
    return "%s at %s (%s employees, %s, %s)".formatted(
        lead.getJobTitle() == null ? "Job title unknown" : lead.getJobTitle(),
        lead.getCompany() == null ? "an unknown company" : lead.getCompany(),
        lead.getCompanySize() == null ? "?" : lead.getCompanySize(),
        lead.getIndustry() == null ? "industry unknown" : lead.getIndustry(),
        lead.getCountry() == null ? "country unknown" : lead.getCountry());
  }

  private String lastInteractions(Lead lead) {
    String lines = interactions.findTop5ByLeadIdOrderByOccurredAtDesc(lead.getId()).stream()
        .map(i -> WHEN.format(i.getOccurredAt()) + "  " + i.getType() + (i.getUrl() == null ? "" : "  " + i.getUrl())
            + "  (" + i.getPoints() + " points)")
        .collect(Collectors.joining("\n"));
    return lines.isEmpty() ? "none yet" : lines;
  }

  private String contentSent(Lead lead) {
    String lines = deliveries.findByLeadIdOrderByCreatedAtDescIdDesc(lead.getId()).stream()
        .map(d -> (d.getSentAt() == null ? "not sent yet" : WHEN.format(d.getSentAt())) + "  "
            + content.findById(d.getContentId()).map(c -> c.getTitle()).orElse(d.getContentId()))
        .collect(Collectors.joining("\n"));
    return lines.isEmpty() ? "nothing yet" : lines;
  }

  private static boolean isBlank(Object value) {
    return value == null || value.toString().isBlank();
  }
}
