package io.leadflow.sales;

import io.leadflow.lead.PersonalDataHolder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A lead's deals, won and lost, in its personal-data document; an erasure keeps the outcome and
 * the amount (campaign ROI counts them) and drops the reason, free text about the person.
 */
@Component
class DealPersonalData implements PersonalDataHolder {

  private final DealRepository deals;

  DealPersonalData(DealRepository deals) {
    this.deals = deals;
  }

  @Override
  public String part() {
    return "deals";
  }

  @Override
  public List<Closed> personalDataOf(String leadId) {
    return deals.findByLeadIdOrderByClosedAtAsc(leadId).stream()
        .map(deal -> new Closed(deal.getOutcome().name(), deal.getAmount(), deal.getCurrency(), deal.getReason(),
            deal.getClosedAt()))
        .toList();
  }

  @Override
  public void erase(String leadId) {
    deals.findByLeadIdOrderByClosedAtAsc(leadId).forEach(Deal::forget);
  }

  record Closed(String outcome, BigDecimal amount, String currency, String reason, Instant closedAt) {}
}
