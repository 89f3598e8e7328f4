package io.leadflow.journey;

import static io.leadflow.journey.LeadNurturingProcess.Messages.LEAD_DISQUALIFIED;
import static io.leadflow.journey.LeadNurturingProcess.Messages.LEAD_LEFT_NURTURING;
import static io.leadflow.journey.LeadNurturingProcess.Messages.LEAD_RETURNED_TO_NURTURING;
import static io.leadflow.journey.LeadNurturingProcess.Messages.LEAD_WON;
import static io.leadflow.journey.LeadNurturingProcess.Messages.OPT_IN_CONFIRMED;
import static io.leadflow.journey.LeadNurturingProcess.Messages.STAGE_CHANGED;
import static io.leadflow.journey.LeadNurturingProcess.Variables.STAGE;
import static io.leadflow.journey.LeadNurturingProcess.Variables.STATUS;

import io.leadflow.lead.FunnelStage;
import io.leadflow.lead.Lead;
import io.leadflow.lead.LeadChangesCommitted;
import io.leadflow.lead.LeadStatus;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells a lead's journey what its lifecycle did, after the change committed ({@link
 * LeadChangesCommitted}, once per lead for its latest state). What the journey knows is its
 * {@code status} and {@code stage} variables; when the lead's differ they are updated (also for
 * Cockpit) and the message for the difference goes to every place in the journey that waits for it
 * (a message nothing waits for is dropped: the journey may be elsewhere, ended, or absent). Telling
 * a journey that knows already changes nothing, so a change relayed twice is harmless.
 */
@Component
class JourneySignals {

  private final RuntimeService runtime;

  JourneySignals(RuntimeService runtime) {
    this.runtime = runtime;
  }

  @EventListener
  void onChangesCommitted(LeadChangesCommitted changes) {
    Lead lead = changes.lead();
    ProcessInstance journey = runtime.createProcessInstanceQuery()
        .processDefinitionKey(LeadNurturingProcess.KEY)
        .processInstanceBusinessKey(lead.getId())
        .active()
        .singleResult();
    if (journey == null) {
      return;
    }
    tellState(journey, lead);
    if (changes.optInConfirmed()) {
      // the lead confirmed its address (double opt-in): its journey, waiting for it, starts nurturing
      tell(lead.getId(), OPT_IN_CONFIRMED);
    }
    if (changes.emailSuppressed()) {
      // it bounces for good, or the person reported our email as spam: nothing can be sent
      leaveNurturing(lead.getId(), NurturingExit.EMAIL_SUPPRESSED);
    }
  }

  /** The lead's status and stage, where they differ from what the journey knows. */
  private void tellState(ProcessInstance journey, Lead lead) {
    Map<String, Object> known = runtime.getVariables(journey.getId(), List.of(STATUS, STAGE));
    LeadStatus knownStatus = known.get(STATUS) == null ? null : LeadStatus.valueOf((String) known.get(STATUS));
    FunnelStage knownStage = known.get(STAGE) == null ? null : FunnelStage.valueOf((String) known.get(STAGE));
    if (knownStatus == lead.getStatus() && knownStage == lead.getStage()) {
      return;
    }
    runtime.setVariables(journey.getId(), JourneyVariables.state(lead));
    boolean caught = tellStatus(lead.getId(), knownStatus, lead.getStatus());
    if (!caught && knownStage != lead.getStage()) {
      // e.g. a sale reported while the lead was still being nurtured: it gets the customer's content
      tell(lead.getId(), STAGE_CHANGED);
    }
  }

  /**
   * Tells the journey what a change of status from {@code known} to {@code status} means: first
   * that the lead left nurturing, and why ({@link #exitFor}); if the journey was not nurturing it
   * (sales has the lead), sales' verdict ({@link #messageFor}).
   *
   * @return whether anything in the journey waited for what it was told
   */
  private boolean tellStatus(String leadId, LeadStatus known, LeadStatus status) {
    NurturingExit exit = exitFor(known, status);
    if (exit != null && leaveNurturing(leadId, exit)) {
      return true;
    }
    String message = messageFor(known, status);
    return message != null && tell(leadId, message);
  }

  /**
   * Why a change of status from {@code known} (what the journey knew) to {@code status} ends
   * nurturing, or null when it does not.
   */
  static NurturingExit exitFor(LeadStatus known, LeadStatus status) {
    if (known == status) {
      return null;
    }
    if (status.isSalesReady()) {
      return known != null && known.isSalesReady() ? null : NurturingExit.READY_FOR_SALES;
    }
    return switch (status) {
      // taken by sales before the journey learnt that it qualified (changes relayed together)
      case IN_SALES, OPPORTUNITY -> known == null || known == LeadStatus.NURTURING ? NurturingExit.READY_FOR_SALES : null;
      case UNSUBSCRIBED -> NurturingExit.UNSUBSCRIBED;
      case DISQUALIFIED -> NurturingExit.DISQUALIFIED;
      default -> null;
    };
  }

  /**
   * Sales' verdict, for a journey at "Sales has the lead": the message a change of status from
   * {@code known} to {@code status} means there, or null.
   */
  static String messageFor(LeadStatus known, LeadStatus status) {
    if (known == status) {
      return null;
    }
    return switch (status) {
      case DISQUALIFIED -> LEAD_DISQUALIFIED;
      case CUSTOMER -> LEAD_WON;
      case NURTURING -> known == LeadStatus.IN_SALES || known == LeadStatus.OPPORTUNITY
          ? LEAD_RETURNED_TO_NURTURING : null;
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
