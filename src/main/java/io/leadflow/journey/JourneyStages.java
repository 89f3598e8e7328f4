package io.leadflow.journey;

import io.leadflow.lead.Lead;
import io.leadflow.lead.LeadLifecycle;
import io.leadflow.lead.Leads;
import org.springframework.stereotype.Service;

/** The moves the journey itself makes with a lead, through the lead's lifecycle. */
@Service
class JourneyStages {

  private final LeadLifecycle lifecycle;
  private final Leads leads;

  JourneyStages(LeadLifecycle lifecycle, Leads leads) {
    this.lifecycle = lifecycle;
    this.leads = leads;
  }

  /** "Move to keep-warm": the stage's content is used up. */
  Lead keepWarm(String leadId) {
    return lifecycle.keptWarm(leadId);
  }

  /** The lead as it is now (to refresh the journey's variables). */
  Lead current(String leadId) {
    return leads.find(leadId).orElseThrow(() -> new IllegalStateException("The journey's lead " + leadId + " is gone"));
  }
}
