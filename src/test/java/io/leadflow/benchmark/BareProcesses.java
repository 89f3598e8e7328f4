package io.leadflow.benchmark;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * The references: the least the engine must do for each scenario, deployed by the benchmark
 * (never by Leadflow). A start that ends waiting on a timer (capture's reference), an instance
 * that waits for a message again and again (intake's), and a timer that fires and ends
 * (the timer backlog's).
 */
final class BareProcesses {

  static final String START = "benchmark-bare-start";
  static final String CORRELATION = "benchmark-bare-correlation";
  static final String TIMER = "benchmark-bare-timer";
  static final String MESSAGE = "BenchmarkPing";

  private BareProcesses() {}

  static void deploy(ProcessEngine engine) {
    engine.getRepositoryService().createDeployment()
        .name("benchmark references")
        .addModelInstance(START + ".bpmn", waitOnTimer(START))
        .addModelInstance(TIMER + ".bpmn", waitOnTimer(TIMER))
        .addModelInstance(CORRELATION + ".bpmn", Bpmn.createExecutableProcess(CORRELATION)
            .camundaHistoryTimeToLive(1)
            .startEvent("StartEvent_Started")
            .exclusiveGateway("Gateway_Again")
            .intermediateCatchEvent("Event_Ping").message(MESSAGE)
            .connectTo("Gateway_Again")
            .done())
        .deploy();
  }

  private static BpmnModelInstance waitOnTimer(String key) {
    return Bpmn.createExecutableProcess(key)
        .camundaHistoryTimeToLive(1)
        .startEvent("StartEvent_Started")
        .intermediateCatchEvent("Event_Due").timerWithDuration("P30D")
        .endEvent("EndEvent_Done")
        .done();
  }
}
