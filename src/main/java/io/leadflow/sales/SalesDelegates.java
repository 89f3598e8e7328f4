package io.leadflow.sales;

import static io.leadflow.sales.SalesHandoffProcess.Variables.CONTENT_SENT;
import static io.leadflow.sales.SalesHandoffProcess.Variables.DEAL_AMOUNT;
import static io.leadflow.sales.SalesHandoffProcess.Variables.DEAL_CURRENCY;
import static io.leadflow.sales.SalesHandoffProcess.Variables.DISQUALIFIED_BECAUSE;
import static io.leadflow.sales.SalesHandoffProcess.Variables.FOLLOW_UP_DUE;
import static io.leadflow.sales.SalesHandoffProcess.Variables.LAST_INTERACTIONS;
import static io.leadflow.sales.SalesHandoffProcess.Variables.LEAD_PROFILE;
import static io.leadflow.sales.SalesHandoffProcess.Variables.NOT_BEFORE;
import static io.leadflow.sales.SalesHandoffProcess.Variables.OUTCOME;
import static io.leadflow.sales.SalesHandoffProcess.Variables.REASON;
import static io.leadflow.sales.SalesHandoffProcess.Variables.SCORES;
import static io.leadflow.sales.SalesHandoffProcess.Variables.WHY_QUALIFIED;
import static io.leadflow.sales.SalesTaskVariables.COMPANY;
import static io.leadflow.sales.SalesTaskVariables.LEAD_ID;
import static io.leadflow.sales.SalesTaskVariables.LEAD_NAME;
import static io.leadflow.sales.SalesTaskVariables.TEAM;

import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service tasks and listeners of sales' processes (bpmn/sales-handoff.bpmn,
 * bpmn/phone-a-lead.bpmn, bpmn/handoff-safety-net.bpmn): each reads its variables, calls a service
 * that knows nothing of the engine, and writes variables back.
 */
@Configuration(proxyBeanMethods = false)
class SalesDelegates {

  // ---- sales-handoff ----

  /** "Route to a sales team": team, rep, due time and what the follow-up form shows. */
  @Bean
  JavaDelegate routeToSales(FollowUp followUp, SpeedToLead speedToLead) {
    return execution -> {
      FollowUp.Brief brief = followUp.prepare(leadId(execution));
      speedToLead.routed(execution.getProcessInstanceId(), brief.lead().getId(), brief.assignment().team(), brief.salesReadyAt());
      Map<String, Object> variables = SalesTaskVariables.of(brief.lead(), brief.assignment());
      variables.put(FOLLOW_UP_DUE, brief.due());
      variables.put(LEAD_PROFILE, brief.profile());
      variables.put(SCORES, brief.scores());
      variables.put(WHY_QUALIFIED, brief.whyQualified());
      variables.put(LAST_INTERACTIONS, brief.lastInteractions());
      variables.put(CONTENT_SENT, brief.contentSent());
      execution.setVariables(variables);
    };
  }

  /** The follow-up's outcome, checked when the task is completed. */
  @Bean
  TaskListener checkFollowUpOutcome(FollowUp followUp) {
    return task -> followUp.check(task.getVariable(OUTCOME), task.getVariable(DISQUALIFIED_BECAUSE), task.getVariable(REASON),
        task.getVariable(DEAL_AMOUNT), task.getVariable(DEAL_CURRENCY));
  }

  /**
   * A person claimed, (re)assigned or completed the follow-up: its first action (speed to lead).
   * The engine's own changes (routing, escalation) run without an authenticated user and do not count.
   */
  @Bean
  TaskListener followUpTouched(SpeedToLead speedToLead, IdentityService identity) {
    return task -> {
      Authentication user = identity.getCurrentAuthentication();
      speedToLead.acted(task.getProcessInstanceId(), user == null ? null : user.getUserId(), task.getAssignee(),
          TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName()));
    };
  }

  /** "Hand the opportunity to the CRM". */
  @Bean
  JavaDelegate handToCrm(CrmHandoff crm) {
    return execution -> crm.handOver(leadId(execution));
  }

  /** "Record the sale" (a follow-up outcome of won). */
  @Bean
  JavaDelegate recordSale(SaleRecording sales) {
    return execution -> sales.won(leadId(execution),
        DealValue.of(execution.getVariable(DEAL_AMOUNT), execution.getVariable(DEAL_CURRENCY)), null);
  }

  /** "Return the lead to nurturing" (a follow-up outcome of not ready). */
  @Bean
  JavaDelegate returnToNurturing(FollowUp followUp) {
    return execution -> followUp.returnToNurturing(leadId(execution), execution.getVariable(NOT_BEFORE));
  }

  /** "Notify the managers". */
  @Bean
  JavaDelegate notifyManagers(Escalation escalation) {
    return execution -> escalation.notifyManagers((String) execution.getVariable(LEAD_NAME),
        (String) execution.getVariable(COMPANY), (String) execution.getVariable(TEAM),
        (Date) execution.getVariable(FOLLOW_UP_DUE), (String) execution.getVariable(WHY_QUALIFIED));
  }

  /** "Give it back to the whole team". */
  @Bean
  JavaDelegate returnToTeam(Escalation escalation) {
    return execution -> escalation.returnToTeam(execution.getProcessInstanceId());
  }

  /** "Disqualify the lead" (a follow-up outcome). */
  @Bean
  JavaDelegate disqualifyLead(FollowUp followUp) {
    return execution -> followUp.disqualify(leadId(execution), FollowUp.DISQUALIFIED_BY_SALES);
  }

  // ---- phone-a-lead ----

  /** "Find the lead and its team": by id (API) or the start form's email; the lead's id becomes the business key. */
  @Bean
  JavaDelegate prepareCall(PhoneCalls calls) {
    return execution -> {
      PhoneCalls.Call call = calls.prepare(leadId(execution), execution.getVariable(PhoneALeadProcess.Variables.LEAD_EMAIL));
      if (execution.getProcessBusinessKey() == null) {
        execution.setProcessBusinessKey(call.lead().getId());
      }
      execution.setVariables(SalesTaskVariables.of(call.lead(), call.assignment()));
      execution.setVariable(PhoneALeadProcess.Variables.CALL_ATTEMPT, 1);
      execution.setVariable(PhoneALeadProcess.Variables.MAX_CALL_ATTEMPTS, call.maxAttempts());
    };
  }

  /** The call's outcome, checked when the call task is completed; "call again" gets its time. */
  @Bean
  TaskListener checkCallOutcome(PhoneCalls calls) {
    return task -> {
      Date callAgain = calls.check(task.getVariable(PhoneALeadProcess.Variables.CALL_OUTCOME),
          task.getVariable(PhoneALeadProcess.Variables.CALL_AGAIN_AT),
          task.getVariable(PhoneALeadProcess.Variables.AFTER_NOT_INTERESTED));
      if (callAgain != null) {
        task.setVariable(PhoneALeadProcess.Variables.CALL_AGAIN_DATE, callAgain);
      }
    };
  }

  /** "Disqualify the lead" (not interested, on the phone). */
  @Bean
  JavaDelegate disqualifyByPhone(FollowUp followUp) {
    return execution -> followUp.disqualify(leadId(execution), FollowUp.DISQUALIFIED_BY_PHONE);
  }

  /** "Hand to sales now" (Phone a lead). */
  @Bean
  JavaDelegate qualifyByPhone(PhoneCalls calls) {
    return execution -> calls.qualify(leadId(execution));
  }

  // ---- handoff-safety-net ----

  /** "Find sales-ready leads without a hand-off": their ids (a JSON list) and how many. */
  @Bean
  JavaDelegate findStrandedLeads(SalesHandoffs handoffs) {
    return execution -> {
      List<String> stranded = handoffs.stranded();
      execution.setVariable(HandoffSafetyNetProcess.Variables.STRANDED_LEADS,
          Variables.objectValue(stranded).serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
      execution.setVariable(HandoffSafetyNetProcess.Variables.STRANDED_COUNT, stranded.size());
    };
  }

  /** "Hand the lead over to sales", one job per lead: a lead whose hand-off cannot start is an incident naming it. */
  @Bean
  JavaDelegate startMissingHandoff(SalesHandoffs handoffs) {
    return execution -> {
      String leadId = (String) execution.getVariable(HandoffSafetyNetProcess.Variables.LEAD_ID);
      try {
        handoffs.startFor(leadId);
      } catch (RuntimeException e) {
        throw new IllegalStateException("Lead " + leadId + " is ready for sales without a hand-off, and starting one failed: "
            + e.getMessage(), e);
      }
    };
  }

  private static String leadId(DelegateExecution execution) {
    return (String) execution.getVariable(LEAD_ID);
  }
}
