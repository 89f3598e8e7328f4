package io.leadflow.sales;

import io.leadflow.lead.Lead;
import io.leadflow.lead.LeadLifecycle;
import io.leadflow.lead.LeadView;
import io.leadflow.lead.Leads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Service;
import org.springframework.web.client.RestClient;

/**
 * "Hand the opportunity to the CRM": posts the lead as JSON to {@code leadflow.handoff.crm-url}
 * (the same body as {@code GET /api/leads/{id}}); with no URL configured the opportunity is
 * recorded in Leadflow only. A CRM that answers an error or cannot be reached fails the job: the
 * engine retries it and, when the CRM stays down, raises an incident in Cockpit. The lead becomes
 * an OPPORTUNITY once the CRM has it.
 */
@Service
public class CrmHandoff {

  private static final Logger log = LoggerFactory.getLogger(CrmHandoff.class);

  private final Leads leads;
  private final LeadLifecycle lifecycle;
  private final RestClient crm;
  private final String crmUrl;

  CrmHandoff(Leads leads, LeadLifecycle lifecycle, RestClient.Builder http, HandoffSettings settings) {
    this.leads = leads;
    this.lifecycle = lifecycle;
    this.crm = http.build();
    this.crmUrl = settings.crmUrl();
  }

  public void handOver(String leadId) {
    Lead lead = leads.lock(leadId).orElseThrow(() -> new IllegalStateException("No lead " + leadId));
    if (crmUrl.isEmpty()) {
      log.info("Lead {} is an opportunity; no CRM is configured (leadflow.handoff.crm-url), so it is recorded here only", leadId);
    } else {
      crm.post().uri(crmUrl).contentType(MediaType.APPLICATION_JSON).body(LeadView.of(lead)).retrieve().toBodilessEntity();
    }
    lifecycle.becameOpportunity(leadId);
  }
}
