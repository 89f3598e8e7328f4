package io.leadflow.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import io.leadflow.imports.LeadImportProcess.Beans;
import io.leadflow.imports.LeadImportProcess.Elements;
import io.leadflow.imports.LeadImportProcess.Variables;
import io.leadflow.model.EveryEndEventReached;
import io.leadflow.model.ModelTests;
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
 * The lead import's model alone (bpmn/lead-import.bpmn): the batch replaced by a stand-in that
 * takes a few rows of a made-up file at a time, each batch a job run by the test; a failing batch
 * leaves its job to be retried, and the import goes on from where it stood.
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

  /** The stand-in's file: this many rows; its progress, as the import's table would hold it. */
  private int rowsTotal = 7;
  private int rowsDone;
  private boolean failNext;

  @BeforeEach
  void standIns() {
    BpmnAwareTests.init(engine.getProcessEngine());
    Mocks.register(Beans.IMPORT_LEAD_BATCH, (JavaDelegate) execution -> {
      // as ImportLeadBatch: the next rows after the stored progress, then the progress variables
      assertThat(execution.getVariable(Variables.IMPORT_ID)).isEqualTo("import-1");
      if (failNext) {
        failNext = false;
        throw new IllegalStateException("the database went away");
      }
      rowsDone = Math.min(rowsTotal, rowsDone + BATCH_SIZE);
      execution.setVariable(Variables.ROWS_TOTAL, rowsTotal);
      execution.setVariable(Variables.ROWS_DONE, rowsDone);
      execution.setVariable(Variables.CREATED, rowsDone);
      execution.setVariable(Variables.UPDATED, 0);
      execution.setVariable(Variables.REJECTED, 0);
      execution.setVariable(Variables.MORE_ROWS, rowsDone < rowsTotal);
    });
  }

  @AfterEach
  void resetMocks() {
    Mocks.reset();
    BpmnAwareTests.reset();
  }

  @Test
  void givenAFileOfSevenRows_whenItsBatchesRun_thenThreeBatchesImportItWithProgressInBetween() {
    ProcessInstance run = importRequested();

    assertThat(run).hasPassed(Elements.IMPORT_REQUESTED).isWaitingAt(Elements.IMPORT_BATCH);
    int batches = 0;
    Job batch;
    while ((batch = job(Elements.IMPORT_BATCH, run)) != null) {
      execute(batch);
      batches++;
      if (batches < 3) {
        assertThat(run).isWaitingAt(Elements.IMPORT_BATCH).variables()
            .containsEntry(Variables.ROWS_DONE, batches * BATCH_SIZE).containsEntry(Variables.ROWS_TOTAL, 7);
      }
    }

    assertThat(batches).isEqualTo(3);
    assertThat(rowsDone).isEqualTo(7);
    assertThat(run).hasPassed(Elements.GATEWAY_MORE_ROWS, Elements.END_LEADS_IMPORTED).isEnded();
  }

  @Test
  void givenABatchFails_whenItsJobIsRetried_thenTheImportGoesOnFromItsLastBatch() {
    ProcessInstance run = importRequested();
    execute(job(Elements.IMPORT_BATCH, run));
    failNext = true;

    Job failing = job(Elements.IMPORT_BATCH, run);
    try {
      execute(failing);
    } catch (RuntimeException expected) {
      // the job executor would record the failure and retry later
    }

    assertThat(run).isWaitingAt(Elements.IMPORT_BATCH).variables().containsEntry(Variables.ROWS_DONE, BATCH_SIZE);
    execute(job(Elements.IMPORT_BATCH, run));
    execute(job(Elements.IMPORT_BATCH, run));
    assertThat(rowsDone).isEqualTo(7);
    assertThat(run).hasPassed(Elements.END_LEADS_IMPORTED).isEnded();
  }

  @Test
  void givenFewerRowsThanABatch_whenTheImportRuns_thenOneBatchDoesIt() {
    rowsTotal = 2;

    ProcessInstance run = importRequested();
    execute(job(Elements.IMPORT_BATCH, run));

    assertThat(run).hasPassed(Elements.END_LEADS_IMPORTED).isEnded();
    assertThat(rowsDone).isEqualTo(2);
  }

  /** What POST /api/leads/import does for a large file. */
  private static ProcessInstance importRequested() {
    return runtimeService().createProcessInstanceByKey(LeadImportProcess.KEY).businessKey("import-1")
        .setVariables(Map.of(Variables.IMPORT_ID, "import-1", Variables.IMPORTED_BY, "mia", Variables.ROWS_TOTAL, 7,
            Variables.ROWS_DONE, 0))
        .execute();
  }
}
