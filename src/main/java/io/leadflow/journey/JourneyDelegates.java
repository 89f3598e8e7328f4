package io.leadflow.journey;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The journey's service tasks (bpmn/lead-nurturing.bpmn, {@code camunda:delegateExpression}):
 * thin delegates, the work is in {@link JourneySends} and {@link JourneyStages}.
 */
@Configuration(proxyBeanMethods = false)
class JourneyDelegates {

  /** "Send personalised welcome". */
  @Bean
  JavaDelegate sendWelcome(JourneySends sends) {
    return sends::welcome;
  }

  /** "Send next content for the stage". */
  @Bean
  JavaDelegate sendNextContent(JourneySends sends) {
    return sends::next;
  }

  /** "Move to keep-warm". */
  @Bean
  JavaDelegate moveToKeepWarm(JourneyStages stages) {
    return stages::keepWarm;
  }

  /** "Nurture as a customer". */
  @Bean
  JavaDelegate nurtureAsCustomer(JourneyStages stages) {
    return stages::nurtureAsCustomer;
  }

  /** "Return to nurturing at the score's stage". */
  @Bean
  JavaDelegate returnToNurturing(JourneyStages stages) {
    return stages::returnToNurturing;
  }
}
