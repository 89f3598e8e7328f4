package io.leadflow.sales;

import io.leadflow.api.NotFound;
import io.leadflow.lead.Lead;
import io.leadflow.lead.LeadRepository;
import io.leadflow.lead.LeadView;
import io.leadflow.lead.LeadWon;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/leads/{id}/won}: the CRM reports the sale. The lead becomes a CUSTOMER in the
 * LOYALTY stage and its journey nurtures it with onboarding and loyalty content. Calling it again
 * changes nothing.
 */
@RestController
class SaleController {

  private final LeadRepository leads;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  SaleController(LeadRepository leads, ApplicationEventPublisher events, Clock clock) {
    this.leads = leads;
    this.events = events;
    this.clock = clock;
  }

  @PostMapping("/api/leads/{id}/won")
  @Transactional
  LeadView won(@PathVariable String id) {
    Lead lead = leads.lockById(id).orElseThrow(() -> new NotFound("lead", id));
    if (lead.won(clock.instant())) {
      events.publishEvent(new LeadWon(lead));
    }
    return LeadView.of(lead);
  }
}
