package io.leadflow.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;

/** Jobs of a model test run as the job executor runs them: again on each retry, the clock moved to its due date. */
public final class RetriedJobs {

  private RetriedJobs() {}

  /**
   * Runs {@code job} until it succeeds or has no retries left (at most 10 attempts), each failure
   * expected to name {@code failureNames}.
   */
  public static void runUntilRetriesAreUsedUp(Job job, String failureNames) {
    for (int attempt = 0; attempt < 10; attempt++) {
      Job current = jobQuery().jobId(job.getId()).singleResult();
      if (current == null || current.getRetries() == 0) {
        return;
      }
      if (current.getDuedate() != null && current.getDuedate().after(ClockUtil.getCurrentTime())) {
        ClockUtil.setCurrentTime(current.getDuedate());
      }
      try {
        managementService().executeJob(current.getId());
      } catch (RuntimeException failed) {
        assertThat(failed).hasMessageContaining(failureNames);
      }
    }
    throw new AssertionError("job " + job.getId() + " was still retried after 10 attempts");
  }
}
