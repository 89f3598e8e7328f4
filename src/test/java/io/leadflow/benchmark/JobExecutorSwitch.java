package io.leadflow.benchmark;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;

/**
 * Holds the job executor while a scenario measures requests alone (so no backlog runs beside
 * them), and lets it go when a backlog is what is measured.
 */
final class JobExecutorSwitch {

  private final JobExecutor jobExecutor;

  JobExecutorSwitch(ProcessEngine engine) {
    this.jobExecutor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
  }

  void hold() {
    jobExecutor.shutdown();
  }

  void release() {
    jobExecutor.start();
  }

  JobExecutor jobExecutor() {
    return jobExecutor;
  }
}
