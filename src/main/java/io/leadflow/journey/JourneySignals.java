package io.leadflow.journey;

import static io.leadflow.journey.LeadNurturingProcess.Messages.LEAD_DISQUALIFIED;
import static io.leadflow.journey.LeadNurturingProcess.Messages.LEAD_LEFT_NURTURING;
import static io.leadflow.journey.LeadNurturingProcess.Messages.LEAD_RETURNED_TO_NURTURING;
import static io.leadflow.journey.LeadNurturingProcess.Messages.LEAD_WON;
import static io.leadflow.journey.LeadNurturingProcess.Messages.STAGE_CHANGED;

import io.leadflow.lead.LeadEmailSuppressed;
import io.leadflow.lead.LeadLifecycle;
import io.leadflow.lead.LeadStateChanged;
import io.leadflow.lead.LeadStatus;
import io.leadflow.lead.OptInConfirmed;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells a lead's journey, in the transaction that changed the lead, what its lifecycle did: the
 * journey's variables are updated for Cockpit, and the message for what happened goes to every
 * place in the journey that waits for it (a message nothing waits for is dropped: the journey may
 * be elsewhere, ended, or absent). Only called on a change: intake that changes nothing does not
 * touch the engine.
 */
@Component
class JourneySignals {

  private final RuntimeService runtime;

  JourneySignals(RuntimeService runtime) {
    this.runtime = runtime;
  }

  @EventListener
  void onStateChanged(LeadStateChanged change) {
    if (LeadLifecycle.CAPTURED.equals(change.cause())) {
      return; // a new lead: its journey starts after this (NurturingJourney), with its state then
    }
    String leadId = change.lead().getId();
    ProcessInstance journey = runtime.createProcessInstanceQuery()
        .processDefinitionKey(LeadNurturingProcess.KEY)
        .processInstanceBusinessKey(leadId)
        .active()
        .singleResult();
    if (journey == null) {
      return;
    }
    runtime.setVariables(journey.getId(), JourneyVariables.state(change.lead()));
    NurturingExit exit = exitFor(change);
    String message = messageFor(change);
    boolean caught = exit != null && leaveNurturing(leadId, exit) || message != null && tell(leadId, message);
    if (!caught && change.stageChanged()) {
      // e.g. a sale reported while the lead was still being nurtured: it gets the customer's content
      tell(leadId, STAGE_CHANGED);
    }
  }

  /**
   * The lead's address went on the suppression list (it bounces for good, or the person reported
   * our email as spam): the journey ends at "Email undeliverable", nothing can be sent.
   */
  @EventListener
  void onEmailSuppressed(LeadEmailSuppressed suppressed) {
    leaveNurturing(suppressed.lead().getId(), NurturingExit.EMAIL_SUPPRESSED);
  }

  /** The lead confirmed its address (double opt-in): its journey, waiting for it, starts nurturing. */
  @EventListener
  void onOptInConfirmed(OptInConfirmed confirmed) {
    tell(confirmed.leadId(), LeadNurturingProcess.Messages.OPT_IN_CONFIRMED);
  }

  /** The message that says what a change of status means to the journey, or null when only the stage moved. */
  static String messageFor(LeadStateChanged change) {
    if (!change.statusChanged()) {
      return null;
    }
    LeadStatus status = change.lead().getStatus();
    if (change.becameSalesReady()) {
      return null; // exitFor: READY_FOR_SALES
    }
    return switch (status) {
      case DISQUALIFIED -> LEAD_DISQUALIFIED; // sales' verdict; in nurturing exitFor: DISQUALIFIED
      case CUSTOMER -> LEAD_WON;
      case NURTURING -> change.previousStatus() == LeadStatus.IN_SALES || change.previousStatus() == LeadStatus.OPPORTUNITY
          ? LEAD_RETURNED_TO_NURTURING : null;
      default -> null;
    };
  }

  /** Why a change of status ends nurturing, or null when it does not. */
  static NurturingExit exitFor(LeadStateChanged change) {
    if (!change.statusChanged()) {
      return null;
    }
    if (change.becameSalesReady()) {
      return NurturingExit.READY_FOR_SALES;
    }
    return switch (change.lead().getStatus()) {
      case UNSUBSCRIBED -> NurturingExit.UNSUBSCRIBED;
      case DISQUALIFIED -> NurturingExit.DISQUALIFIED;
      default -> null;
    };
  }

  /** @return whether the lead's journey was in "Nurture until ready" and left it, for that reason */
  private boolean leaveNurturing(String leadId, NurturingExit why) {
    return !runtime.createMessageCorrelation(LEAD_LEFT_NURTURING)
        .processInstanceBusinessKey(leadId)
        .setVariable(LeadNurturingProcess.Variables.LEFT_NURTURING_BECAUSE, why.name())
        .correlateAllWithResult()
        .isEmpty();
  }

  /** @return whether anything in the lead's journey waited for the message */
  private boolean tell(String leadId, String message) {
    return !runtime.createMessageCorrelation(message)
        .processInstanceBusinessKey(leadId)
        .correlateAllWithResult()
        .isEmpty();
  }
}
