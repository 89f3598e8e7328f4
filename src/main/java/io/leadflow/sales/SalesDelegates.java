package io.leadflow.sales;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The hand-off's service tasks and listener (bpmn/sales-handoff.bpmn): thin, the work is in {@link FollowUp} and {@link CrmHandoff}. */
@Configuration(proxyBeanMethods = false)
class SalesDelegates {

  /** "Route to a sales team". */
  @Bean
  JavaDelegate routeToSales(FollowUp followUp) {
    return followUp::prepare;
  }

  /** The follow-up's outcome, checked when the task is completed. */
  @Bean
  TaskListener checkFollowUpOutcome(FollowUp followUp) {
    return followUp::check;
  }

  /** "Hand the opportunity to the CRM". */
  @Bean
  JavaDelegate handToCrm(CrmHandoff crm) {
    return crm::handOver;
  }

  /** "Notify the managers". */
  @Bean
  JavaDelegate notifyManagers(Escalation escalation) {
    return escalation::notifyManagers;
  }

  /** "Give it back to the whole team". */
  @Bean
  JavaDelegate returnToTeam(Escalation escalation) {
    return escalation::returnToTeam;
  }

  /** "Find the lead and its team" (Phone a lead). */
  @Bean
  JavaDelegate prepareCall(PhoneCalls calls) {
    return calls::prepare;
  }

  /** The call's outcome, checked when the call task is completed. */
  @Bean
  TaskListener checkCallOutcome(PhoneCalls calls) {
    return calls::check;
  }

  /** "Hand to sales now" (Phone a lead). */
  @Bean
  JavaDelegate qualifyByPhone(PhoneCalls calls) {
    return calls::qualify;
  }

  /** "Record the sale" (a follow-up outcome of won). */
  @Bean
  JavaDelegate recordSale(SaleRecording sales) {
    return execution -> sales.won((String) execution.getVariable("leadId"));
  }

  /** "Disqualify the lead". */
  @Bean
  JavaDelegate disqualifyLead(FollowUp followUp) {
    return followUp::disqualify;
  }
}
