package io.leadflow.sales;

import io.leadflow.api.NotFound;
import io.leadflow.lead.Lead;
import io.leadflow.lead.LeadRepository;
import io.leadflow.lead.LeadWon;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sale happened (the CRM's callback, or "Won" on the follow-up in Tasklist): the lead becomes
 * a CUSTOMER in the LOYALTY stage and its journey nurtures it for loyalty. Recording it twice
 * changes nothing.
 */
@Service
public class SaleRecording {

  private final LeadRepository leads;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  SaleRecording(LeadRepository leads, ApplicationEventPublisher events, Clock clock) {
    this.leads = leads;
    this.events = events;
    this.clock = clock;
  }

  @Transactional
  public Lead won(String leadId) {
    Lead lead = leads.lockById(leadId).orElseThrow(() -> new NotFound("lead", leadId));
    if (lead.won(clock.instant())) {
      events.publishEvent(new LeadWon(lead));
    }
    return lead;
  }
}
