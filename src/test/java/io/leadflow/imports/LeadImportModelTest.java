package io.leadflow.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import io.leadflow.imports.LeadImportProcess.Beans;
import io.leadflow.imports.LeadImportProcess.Elements;
import io.leadflow.imports.LeadImportProcess.Variables;
import io.leadflow.model.EveryEndEventReached;
import io.leadflow.model.ModelTests;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The lead import's model alone (bpmn/lead-import.bpmn): two slices side by side, the batch
 * replaced by a stand-in that takes a few rows of a made-up slice at a time, each batch a job run by
 * the test; a failing batch leaves its job to be retried, and the slice goes on from where it stood.
 */
@Deployment(resources = "bpmn/lead-import.bpmn")
class LeadImportModelTest {

  private static final String BPMN = "bpmn/lead-import.bpmn";
  private static final int BATCH_SIZE = 3;

  @RegisterExtension
  @Order(1)
  static ProcessEngineCoverageExtension engine = ModelTests.engineWithCoverage(1.0);

  @RegisterExtension
  @Order(2)
  static EveryEndEventReached everyEnd = new EveryEndEventReached(engine, LeadImportProcess.KEY, BPMN);

  /** The stand-in's file: rows per slice; each slice's progress, as the slices' table would hold it. */
  private int[] rowsOfSlice = {7, 4};
  private final int[] doneOfSlice = new int[2];
  private final List<Integer> batchesRun = new ArrayList<>();
  private boolean failNext;
  private int completed;

  @BeforeEach
  void standIns() {
    BpmnAwareTests.init(engine.getProcessEngine());
    Mocks.register(Beans.IMPORT_LEAD_BATCH, (JavaDelegate) execution -> {
      // as ImportLeadBatch: the slice's next rows after its stored progress, then the progress variables
      assertThat(execution.getVariable(Variables.IMPORT_ID)).isEqualTo("import-1");
      int slice = (Integer) execution.getVariable(Variables.SLICE);
      if (failNext) {
        failNext = false;
        throw new IllegalStateException("the database went away");
      }
      doneOfSlice[slice] = Math.min(rowsOfSlice[slice], doneOfSlice[slice] + BATCH_SIZE);
      batchesRun.add(slice);
      int done = doneOfSlice[0] + doneOfSlice[1];
      execution.setVariable(Variables.ROWS_DONE, done);
      execution.setVariable(Variables.CREATED, done);
      execution.setVariable(Variables.UPDATED, 0);
      execution.setVariable(Variables.REJECTED, 0);
      execution.setVariable(Variables.MORE_ROWS, doneOfSlice[slice] < rowsOfSlice[slice]);
    });
    Mocks.register(Beans.COMPLETE_LEAD_IMPORT, (JavaDelegate) execution -> {
      assertThat(doneOfSlice[0] + doneOfSlice[1]).as("completed after every slice").isEqualTo(rowsOfSlice[0] + rowsOfSlice[1]);
      completed++;
    });
  }

  @AfterEach
  void resetMocks() {
    Mocks.reset();
    BpmnAwareTests.reset();
  }

  @Test
  void givenTwoSlices_whenTheirBatchesRunSideBySide_thenEachSliceIsImportedInBatchesWithItsOwnProgress() {
    ProcessInstance run = importRequested();

    assertThat(run).hasPassed(Elements.IMPORT_REQUESTED, Elements.SLICE_STARTED).isWaitingAt(Elements.IMPORT_BATCH);
    List<Job> batches = batchJobs(run);
    assertThat(batches).as("one batch job per slice, not exclusive").hasSize(2)
        .allSatisfy(job -> assertThat(((org.camunda.bpm.engine.impl.persistence.entity.JobEntity) job).isExclusive()).isFalse());
    execute(batches.get(0));
    execute(batches.get(1));
    assertThat(runtimeService().getVariable(run.getId(), Variables.ROWS_TOTAL)).isEqualTo(11);
    assertThat(runtimeService().getVariable(run.getId(), Variables.ROWS_DONE))
        .as("progress is the slices' own, never a variable the slices' jobs would share").isNull();

    while (!batchJobs(run).isEmpty()) {
      batchJobs(run).forEach(BpmnAwareTests::execute);
    }
    assertThat(doneOfSlice).containsExactly(7, 4);
    assertThat(batchesRun).filteredOn(slice -> slice == 0).hasSize(3);
    assertThat(batchesRun).filteredOn(slice -> slice == 1).hasSize(2);
    assertThat(run).isWaitingAt(Elements.SLICE_IMPORTED);
    sliceEnds(run);

    assertThat(run).hasPassed(Elements.GATEWAY_MORE_ROWS, Elements.SLICE_IMPORTED, Elements.COMPLETE_IMPORT,
        Elements.END_LEADS_IMPORTED).isEnded();
    assertThat(completed).isOne();
  }

  @Test
  void givenABatchFails_whenItsJobIsRetried_thenItsSliceGoesOnFromItsLastBatch() {
    rowsOfSlice = new int[] {5, 2};
    ProcessInstance run = importRequested();
    batchJobs(run).forEach(BpmnAwareTests::execute);
    failNext = true;

    Job failing = batchJobs(run).get(0);
    try {
      execute(failing);
    } catch (RuntimeException expected) {
      // the job executor would record the failure and retry later
    }

    assertThat(doneOfSlice).containsExactly(3, 2);
    execute(batchJobs(run).get(0));
    assertThat(doneOfSlice).containsExactly(5, 2);
    sliceEnds(run);
    assertThat(run).hasPassed(Elements.END_LEADS_IMPORTED).isEnded();
  }

  @Test
  void givenFewerRowsThanABatchInEachSlice_whenTheImportRuns_thenOneBatchASliceDoesIt() {
    rowsOfSlice = new int[] {2, 1};

    ProcessInstance run = importRequested();
    batchJobs(run).forEach(BpmnAwareTests::execute);
    sliceEnds(run);

    assertThat(run).hasPassed(Elements.END_LEADS_IMPORTED).isEnded();
    assertThat(batchesRun).containsExactlyInAnyOrder(0, 1);
  }

  /** What POST /api/leads/import does for a large file. */
  private ProcessInstance importRequested() {
    return runtimeService().createProcessInstanceByKey(LeadImportProcess.KEY).businessKey("import-1")
        .setVariables(Map.of(Variables.IMPORT_ID, "import-1", Variables.IMPORTED_BY, "mia",
            Variables.ROWS_TOTAL, rowsOfSlice[0] + rowsOfSlice[1], Variables.SLICES, 2))
        .execute();
  }

  private static List<Job> batchJobs(ProcessInstance run) {
    return BpmnAwareTests.jobQuery().processInstanceId(run.getId()).activityId(Elements.IMPORT_BATCH).list();
  }

  /** The slices' asynchronous ends, one after the other as exclusive jobs run. */
  private static void sliceEnds(ProcessInstance run) {
    List<Job> ends;
    while (!(ends = BpmnAwareTests.jobQuery().processInstanceId(run.getId()).activityId(Elements.SLICE_IMPORTED).list())
        .isEmpty()) {
      execute(ends.get(0));
    }
  }
}
