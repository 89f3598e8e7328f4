package io.leadflow.sales;

import io.leadflow.lead.Lead;
import io.leadflow.lead.LeadLifecycle;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sale happened (the CRM's callback, or "Won" on the follow-up in Tasklist): the lead becomes
 * a CUSTOMER in the LOYALTY stage and its journey nurtures it for loyalty. Recording it twice
 * changes nothing.
 */
@Service
public class SaleRecording {

  private final LeadLifecycle lifecycle;

  SaleRecording(LeadLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  /** @throws io.leadflow.api.NotFound when there is no such lead */
  @Transactional
  public Lead won(String leadId) {
    return lifecycle.won(leadId);
  }
}
