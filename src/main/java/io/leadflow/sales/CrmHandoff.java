package io.leadflow.sales;

import io.leadflow.lead.Lead;
import io.leadflow.lead.LeadRepository;
import io.leadflow.lead.LeadView;
import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
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

  private final LeadRepository leads;
  private final RestClient crm;
  private final String crmUrl;
  private final Clock clock;

  CrmHandoff(LeadRepository leads, RestClient.Builder http, HandoffSettings settings, Clock clock) {
    this.leads = leads;
    this.crm = http.build();
    this.crmUrl = settings.crmUrl();
    this.clock = clock;
  }

  public void handOver(DelegateExecution execution) {
    String leadId = (String) execution.getVariable("leadId");
    Lead lead = leads.lockById(leadId).orElseThrow(() -> new IllegalStateException("No lead " + leadId));
    if (crmUrl.isEmpty()) {
      log.info("Lead {} is an opportunity; no CRM is configured (leadflow.handoff.crm-url), so it is recorded here only", leadId);
    } else {
      crm.post().uri(crmUrl).contentType(MediaType.APPLICATION_JSON).body(LeadView.of(lead)).retrieve().toBodilessEntity();
    }
    lead.becameOpportunity(clock.instant());
  }
}
