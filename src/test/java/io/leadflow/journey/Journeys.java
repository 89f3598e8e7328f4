package io.leadflow.journey;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/** A lead's journey in tests, with the job executor off: found by the lead's id, moved job by job. */
public final class Journeys {

  private Journeys() {}

  /** The lead's running journey (null when it has ended). */
  public static ProcessInstance journeyOf(ProcessEngine engine, String leadId) {
    return running(engine, LeadNurturingProcess.KEY, leadId);
  }

  /** A running instance of a process, by the lead's id as business key. */
  public static ProcessInstance running(ProcessEngine engine, String processKey, String leadId) {
    return engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(processKey).processInstanceBusinessKey(leadId).singleResult();
  }

  /** Starts the lead's journey and sends the welcome (an SMTP server must take it): it then waits at its stage. */
  public static ProcessInstance welcomed(ProcessEngine engine, String leadId) {
    ProcessInstance journey = journeyOf(engine, leadId);
    execute(job(LeadNurturingProcess.Elements.START, journey));
    execute(job(LeadNurturingProcess.Elements.SEND_WELCOME, journey));
    return journey;
  }

  /** The timer job of a timer event (or a timer on an activity) of this instance. */
  public static Job timer(ProcessEngine engine, ProcessInstance instance, String timerId) {
    return engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).activityId(timerId)
        .timers().singleResult();
  }
}
