package io.leadflow.sales;

import io.leadflow.api.FieldProblem;
import io.leadflow.api.InvalidRequest;
import io.leadflow.api.NotFound;
import io.leadflow.lead.Lead;
import io.leadflow.lead.LeadLifecycle;
import io.leadflow.lead.LeadStatus;
import io.leadflow.lead.Leads;
import java.time.Clock;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outcome of a lead's deal. Won (the CRM's callback, or "Won" on the follow-up in Tasklist):
 * the lead becomes a CUSTOMER in the LOYALTY stage, its journey nurtures it for loyalty, and the
 * deal is kept with its amount and currency (the campaign report's revenue); recording it twice
 * changes nothing. Lost (the CRM's callback): the opportunity goes back to nurturing (cause
 * {@code DEAL_LOST}) and the deal is kept with its reason.
 */
@Service
public class SaleRecording {

  private final Leads leads;
  private final LeadLifecycle lifecycle;
  private final DealRepository deals;
  private final Clock clock;

  SaleRecording(Leads leads, LeadLifecycle lifecycle, DealRepository deals, Clock clock) {
    this.leads = leads;
    this.lifecycle = lifecycle;
    this.deals = deals;
    this.clock = clock;
  }

  /** @throws NotFound when there is no such lead */
  @Transactional
  public Lead won(String leadId) {
    return won(leadId, DealValue.UNKNOWN, null);
  }

  /**
   * @param value what the deal is worth ({@link DealValue#UNKNOWN} when not known)
   * @param recordedBy the user or system that reported it, or null
   * @throws NotFound when there is no such lead
   * @throws InvalidRequest when the value is invalid
   */
  @Transactional
  public Lead won(String leadId, DealValue value, String recordedBy) {
    List<FieldProblem> problems = value.problems();
    if (!problems.isEmpty()) {
      throw new InvalidRequest(problems.size() == 1 ? "1 field is invalid" : problems.size() + " fields are invalid", problems);
    }
    Lead lead = leads.lock(leadId).orElseThrow(() -> new NotFound("lead", leadId));
    if (lead.getStatus() == LeadStatus.CUSTOMER) {
      return lead;
    }
    lifecycle.won(leadId);
    deals.save(Deal.won(leadId, value, clock.instant(), recordedBy));
    return lead;
  }

  /**
   * @param reason why, as the CRM or the rep says it
   * @throws NotFound when there is no such lead
   * @throws InvalidRequest 409 when the lead is not an opportunity
   */
  @Transactional
  public Lead lost(String leadId, String reason, String recordedBy) {
    Lead lead = leads.lock(leadId).orElseThrow(() -> new NotFound("lead", leadId));
    if (!lead.mayLoseDeal()) {
      throw new InvalidRequest(HttpStatus.CONFLICT,
          "Lead " + leadId + " is " + lead.getStatus() + ": only an opportunity's deal can be lost", List.of());
    }
    lifecycle.dealLost(leadId);
    deals.save(Deal.lost(leadId, reason, clock.instant(), recordedBy));
    return lead;
  }
}
