package io.leadflow.sales;

import io.leadflow.content.ContentItemRepository;
import io.leadflow.delivery.DeliveryRepository;
import io.leadflow.interaction.InteractionRepository;
import io.leadflow.lead.Lead;
import io.leadflow.lead.LeadLifecycle;
import io.leadflow.lead.LeadStatus;
import io.leadflow.lead.Leads;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * The follow-up a salesperson works in Tasklist (bpmn/sales-handoff.bpmn, forms/follow-up-lead.form):
 * who gets it, when it is due, what the form shows, and what its outcome does to the lead. Knows
 * nothing of the engine: {@link SalesDelegates} reads and writes the process variables.
 */
@Service
public class FollowUp {

  /** Causes of a disqualification, as the lead's history records them. */
  public static final String DISQUALIFIED_BY_SALES = "DISQUALIFIED_BY_SALES";
  public static final String DISQUALIFIED_BY_PHONE = "DISQUALIFIED_BY_PHONE";

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private final Leads leads;
  private final LeadLifecycle lifecycle;
  private final SalesRouting routing;
  private final InteractionRepository interactions;
  private final DeliveryRepository deliveries;
  private final ContentItemRepository content;
  private final HandoffSettings settings;
  private final Clock clock;

  FollowUp(Leads leads, LeadLifecycle lifecycle, SalesRouting routing, InteractionRepository interactions, DeliveryRepository deliveries,
      ContentItemRepository content, HandoffSettings settings, Clock clock) {
    this.leads = leads;
    this.lifecycle = lifecycle;
    this.routing = routing;
    this.interactions = interactions;
    this.deliveries = deliveries;
    this.content = content;
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * "Route to a sales team": the team (and rep) the routing decision names, the due time from the
   * qualification (leadflow.handoff.*-due), and what the form shows; the lead is in sales from now on.
   */
  public Brief prepare(String leadId) {
    Lead lead = leads.lock(leadId).orElseThrow(() -> new IllegalStateException("No lead " + leadId));
    boolean salesQualified = lead.getStatus() == LeadStatus.SALES_QUALIFIED;
    // since when it is ready for sales (speed to lead): the hand-over below starts its IN_SALES time
    Instant salesReadyAt = lead.getStatus().isSalesReady() ? lead.getStatusSince() : null;
    Assignment assignment = routing.route(lead);
    lifecycle.handedToSales(leadId);
    Instant now = clock.instant();
    return new Brief(
        lead,
        assignment,
        Date.from(now.plus(salesQualified ? settings.salesQualifiedDue() : settings.marketingQualifiedDue())),
        profile(lead),
        "Fit %d, engagement %d, social %d: total %d, rating %s".formatted(
            lead.getFitScore(), lead.getEngagementScore(), lead.getSocialScore(), lead.getScore(), lead.getRating()),
        salesQualified
            ? "Sales-qualified: asked for a demo, a quote or the price list, or qualified by phone"
            : "Marketing-qualified: fit and engagement reached the threshold (rating " + lead.getRating() + ")",
        lastInteractions(lead),
        contentSent(lead),
        salesReadyAt);
  }

  /**
   * The form's required fields, checked again on the server when the task is completed.
   *
   * @throws IllegalArgumentException naming what is missing
   */
  public void check(Object outcome, Object disqualifiedBecause, Object reason, Object dealAmount, Object dealCurrency) {
    check(outcome, disqualifiedBecause, reason);
    if (SalesHandoffProcess.Outcomes.WON.equals(outcome)) {
      DealValue.of(dealAmount, dealCurrency).problems().stream().findFirst().ifPresent(problem -> {
        throw new IllegalArgumentException("The deal's " + problem.field() + " " + problem.message());
      });
    }
  }

  public void check(Object outcome, Object disqualifiedBecause, Object reason) {
    if (!(SalesHandoffProcess.Outcomes.OPPORTUNITY.equals(outcome) || SalesHandoffProcess.Outcomes.WON.equals(outcome)
        || SalesHandoffProcess.Outcomes.NOT_READY.equals(outcome) || SalesHandoffProcess.Outcomes.DISQUALIFIED.equals(outcome))) {
      throw new IllegalArgumentException("Choose an outcome: opportunity, won, not ready or disqualified");
    }
    if (SalesHandoffProcess.Outcomes.DISQUALIFIED.equals(outcome) && isBlank(disqualifiedBecause)) {
      throw new IllegalArgumentException("Say why the lead is disqualified");
    }
    if (SalesHandoffProcess.Outcomes.NOT_READY.equals(outcome) && isBlank(reason)) {
      throw new IllegalArgumentException("Say why the lead is not ready");
    }
  }

  /**
   * "Return the lead to nurturing": not ready; not handed over again before {@code notBefore}.
   *
   * @param notBefore the form's day (form-js sends yyyy-MM-dd; from its start, UTC), a date-time with
   *     offset, a {@link Date}, or null/blank for no hold
   */
  public void returnToNurturing(String leadId, Object notBefore) {
    lifecycle.returnedToNurturing(leadId, notBefore(notBefore));
  }

  /** "Disqualify the lead" (after a follow-up or a call): its journey, where it still runs, ends. */
  public void disqualify(String leadId, String cause) {
    lifecycle.disqualified(leadId, cause);
  }

  /** What the follow-up shows and where it goes. */
  public record Brief(Lead lead, Assignment assignment, Date due, String profile, String scores, String whyQualified,
      String lastInteractions, String contentSent, Instant salesReadyAt) {}

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
