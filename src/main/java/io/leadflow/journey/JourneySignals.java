package io.leadflow.journey;

import io.leadflow.lead.LeadEmailBounced;
import io.leadflow.lead.LeadStateChanged;
import io.leadflow.lead.LeadWon;
import io.leadflow.lead.LeadStatus;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells a lead's journey, in the transaction that changed it, that its status or stage changed:
 * the journey's variables are updated for Cockpit, and the message for what happened is sent to
 * every place in the journey that waits for it. Only called on a change: intake that changes
 * nothing does not touch the engine.
 */
@Component
class JourneySignals {

  static final String LEAD_QUALIFIED = "LeadQualified";
  static final String STAGE_CHANGED = "StageChanged";
  static final String LEAD_UNSUBSCRIBED = "LeadUnsubscribed";
  static final String LEAD_DISQUALIFIED = "LeadDisqualified";
  static final String EMAIL_BOUNCED = "EmailBounced";
  static final String LEAD_WON = "LeadWon";

  private final RuntimeService runtime;

  JourneySignals(RuntimeService runtime) {
    this.runtime = runtime;
  }

  @EventListener
  void onStateChanged(LeadStateChanged change) {
    String leadId = change.lead().getId();
    ProcessInstance journey = runtime.createProcessInstanceQuery()
        .processDefinitionKey(NurturingJourney.PROCESS_KEY)
        .processInstanceBusinessKey(leadId)
        .active()
        .singleResult();
    if (journey == null) {
      return;
    }
    runtime.setVariables(journey.getId(), JourneyVariables.state(change.lead()));
    LeadStatus status = change.lead().getStatus();
    if (change.statusChanged() && status == LeadStatus.UNSUBSCRIBED) {
      tell(leadId, LEAD_UNSUBSCRIBED);
    } else if (change.statusChanged() && status == LeadStatus.DISQUALIFIED) {
      tell(leadId, LEAD_DISQUALIFIED);
    } else if (change.statusChanged()
        && (status == LeadStatus.MARKETING_QUALIFIED || status == LeadStatus.SALES_QUALIFIED)) {
      tell(leadId, LEAD_QUALIFIED);
    } else if (change.stageChanged()) {
      tell(leadId, STAGE_CHANGED);
    }
  }

  /** The lead's email bounces for good: the journey ends, nothing can be sent. */
  @EventListener
  void onEmailBounced(LeadEmailBounced bounce) {
    tell(bounce.lead().getId(), EMAIL_BOUNCED);
  }

  /** The sale happened: a journey waiting for it nurtures the customer from now on. */
  @EventListener
  void onWon(LeadWon won) {
    runtime.createProcessInstanceQuery().processDefinitionKey(NurturingJourney.PROCESS_KEY)
        .processInstanceBusinessKey(won.lead().getId()).active().list()
        .forEach(journey -> runtime.setVariables(journey.getId(), JourneyVariables.state(won.lead())));
    tell(won.lead().getId(), LEAD_WON);
  }

  private void tell(String leadId, String message) {
    runtime.createMessageCorrelation(message)
        .processInstanceBusinessKey(leadId)
        .correlateAllWithResult();
  }
}
