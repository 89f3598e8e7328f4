package io.leadflow.journey;

import static io.leadflow.journey.LeadNurturingProcess.Variables.CONTENT_LEFT;
import static io.leadflow.journey.LeadNurturingProcess.Variables.SENDS_SO_FAR;
import static io.leadflow.journey.LeadNurturingProcess.Variables.SEND_HELD_UNTIL;
import static io.leadflow.journey.LeadNurturingProcess.Variables.STAGE;
import static io.leadflow.journey.LeadNurturingProcess.Variables.WELCOME_DUE;

import io.leadflow.lead.FunnelStage;
import java.util.Date;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The journey's service tasks (bpmn/lead-nurturing.bpmn, {@code camunda:delegateExpression}): each
 * reads its variables, calls {@link JourneySends} or {@link JourneyStages}, and writes variables
 * back.
 */
@Configuration(proxyBeanMethods = false)
class JourneyDelegates {

  /** "Send personalised welcome"; the BPMN error "Lead may not be contacted" when nothing may be emailed. */
  @Bean
  JavaDelegate sendWelcome(JourneySends sends) {
    return execution -> {
      contactable(() -> sends.welcome(execution.getProcessInstanceId(), leadId(execution)))
          .ifPresent(sent -> recordSend(execution));
      execution.removeVariable(WELCOME_DUE);
    };
  }

  /** "Send next content for the stage"; {@code contentLeft} false when the stage has none (absent otherwise). */
  @Bean
  JavaDelegate sendNextContent(JourneySends sends) {
    return execution -> {
      FunnelStage stage = FunnelStage.valueOf((String) execution.getVariable(STAGE));
      JourneySends.NextSend next = contactable(() -> sends.next(execution.getProcessInstanceId(), leadId(execution), stage,
          sendsSoFar(execution)));
      if (next.contentLeft()) {
        execution.removeVariable(CONTENT_LEFT);
      } else {
        execution.setVariable(CONTENT_LEFT, false);
      }
      if (next.heldUntil() != null) {
        execution.setVariable(SEND_HELD_UNTIL, Date.from(next.heldUntil()));
      } else {
        execution.removeVariable(SEND_HELD_UNTIL);
      }
      next.sent().ifPresent(sent -> recordSend(execution));
    };
  }

  /** "Send the confirmation request" (double opt-in): counts as a send when one went out. */
  @Bean
  JavaDelegate sendOptInRequest(JourneySends sends) {
    return execution -> sends.optInRequest(execution.getProcessInstanceId(), leadId(execution), false)
        .ifPresent(sent -> recordSend(execution));
  }

  /** "Remind once" (double opt-in). */
  @Bean
  JavaDelegate sendOptInReminder(JourneySends sends) {
    return execution -> {
      sends.optInRequest(execution.getProcessInstanceId(), leadId(execution), true).ifPresent(sent -> recordSend(execution));
      execution.setVariable(LeadNurturingProcess.Variables.OPT_IN_REMINDED, true);
    };
  }

  /** "Expire from nurturing": the lead never confirmed; sales still takes it when it asks. */
  @Bean
  JavaDelegate expireUnconfirmedLead(JourneySends sends) {
    return execution -> sends.optInExpired(leadId(execution));
  }

  /** "Move to keep-warm". */
  @Bean
  JavaDelegate moveToKeepWarm(JourneyStages stages) {
    return execution -> execution.setVariables(JourneyVariables.state(stages.keepWarm(leadId(execution))));
  }

  /** "Nurture as a customer": the journey's variables say LOYALTY from now on. */
  @Bean
  JavaDelegate nurtureAsCustomer(JourneyStages stages) {
    return execution -> execution.setVariables(JourneyVariables.state(stages.current(leadId(execution))));
  }

  /** The journey's lead: its business key. */
  static String leadId(DelegateExecution execution) {
    return execution.getProcessBusinessKey();
  }

  private static int sendsSoFar(DelegateExecution execution) {
    return execution.getVariable(SENDS_SO_FAR) instanceof Number sends ? sends.intValue() : 0;
  }

  private static void recordSend(DelegateExecution execution) {
    // the counter makes the next send's key (exactly once): what was sent is in the deliveries
    execution.setVariable(SENDS_SO_FAR, sendsSoFar(execution) + 1);
  }

  /** A lead that may not be emailed ends nurturing at "Nothing more may be sent". */
  private static <T> T contactable(Supplier<T> send) {
    try {
      return send.get();
    } catch (JourneySends.LeadNotContactable e) {
      throw new BpmnError(LeadNurturingProcess.ERROR_NOT_CONTACTABLE, e.getMessage());
    }
  }
}
