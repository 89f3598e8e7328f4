package io.leadflow.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import io.leadflow.model.EveryEndEventReached;
import io.leadflow.model.ModelTests;
import io.leadflow.scoring.ScoreRecalculationProcess.Beans;
import io.leadflow.scoring.ScoreRecalculationProcess.Elements;
import io.leadflow.scoring.ScoreRecalculationProcess.Messages;
import io.leadflow.scoring.ScoreRecalculationProcess.Variables;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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
 * The score recalculation's model alone (bpmn/score-recalculation.bpmn): the batch replaced by a
 * stand-in over a few made-up leads, each batch a job run by the test. Both starts (the nightly
 * timer and the rescore message), the loop of batches, and its one end.
 */
@Deployment(resources = "bpmn/score-recalculation.bpmn")
class ScoreRecalculationModelTest {

  private static final String BPMN = "bpmn/score-recalculation.bpmn";
  /** The nightly cron is read in the JVM's time zone: the times here are too. */
  private static final Instant DEPLOYED = local("2026-03-02T15:30:00");
  private static final int BATCH_SIZE = 3;

  @RegisterExtension
  @Order(1)
  static ProcessEngineCoverageExtension engine = ModelTests.engineWithCoverage(1.0);

  @RegisterExtension
  @Order(2)
  static EveryEndEventReached everyEnd = new EveryEndEventReached(engine, ScoreRecalculationProcess.KEY, BPMN);

  /** The leads the stand-in recalculates, in id order. */
  private List<String> leads = List.of("lead-1", "lead-2", "lead-3", "lead-4", "lead-5", "lead-6", "lead-7");
  private final List<String> recalculated = new ArrayList<>();
  private final List<String> causes = new ArrayList<>();

  @BeforeEach
  void standIns() {
    BpmnAwareTests.init(engine.getProcessEngine());
    // before the deployment: the nightly timer's first due time follows from it
    ClockUtil.setCurrentTime(Date.from(DEPLOYED));
    Mocks.register(Beans.RECALCULATE_SCORE_BATCH, (JavaDelegate) execution -> {
      // as RecalculateScoreBatch: the total once, then a batch after the cursor, progress and "more?"
      causes.add(ScoreCause.valueOf((String) execution.getVariable(Variables.CAUSE)).name());
      if (!execution.hasVariable(Variables.LEADS_TOTAL)) {
        execution.setVariable(Variables.LEADS_TOTAL, (long) leads.size());
      }
      String cursor = execution.hasVariable(Variables.CURSOR) ? (String) execution.getVariable(Variables.CURSOR) : "";
      List<String> batch = leads.stream().filter(lead -> lead.compareTo(cursor) > 0).limit(BATCH_SIZE).toList();
      recalculated.addAll(batch);
      long done = execution.hasVariable(Variables.LEADS_DONE) ? ((Number) execution.getVariable(Variables.LEADS_DONE)).longValue() : 0;
      execution.setVariable(Variables.CURSOR, batch.isEmpty() ? cursor : batch.get(batch.size() - 1));
      execution.setVariable(Variables.LEADS_DONE, done + batch.size());
      execution.setVariable(Variables.MORE_LEADS, batch.size() == BATCH_SIZE);
    });
  }

  @AfterEach
  void resetClockAndMocks() {
    ClockUtil.reset();
    Mocks.reset();
    BpmnAwareTests.reset();
  }

  @Test
  void givenTheNightlyRun_whenTwoOClockComes_thenEveryDecayingLeadIsRecalculatedABatchAtATime() {
    Job everyNight = jobQuery().processDefinitionKey(ScoreRecalculationProcess.KEY).timers().singleResult();
    assertThat(everyNight.getDuedate()).isEqualTo(Date.from(local("2026-03-03T02:00:00")));

    ClockUtil.setCurrentTime(everyNight.getDuedate());
    execute(everyNight);
    ProcessInstance run = runtimeService().createProcessInstanceQuery().processDefinitionKey(ScoreRecalculationProcess.KEY)
        .singleResult();
    assertThat(run).hasPassed(Elements.EVERY_NIGHT).isWaitingAt(Elements.RECALCULATE_BATCH)
        .variables().containsEntry(Variables.CAUSE, ScoreCause.DECAY.name());

    int batches = runBatches(run);

    assertThat(batches).isEqualTo(3);
    assertThat(recalculated).isEqualTo(leads);
    assertThat(causes).containsOnly(ScoreCause.DECAY.name());
    assertThat(run).hasPassed(Elements.GATEWAY_MORE_LEADS, Elements.END_SCORES_RECALCULATED).isEnded();
    assertThat(jobQuery().processDefinitionKey(ScoreRecalculationProcess.KEY).timers().singleResult().getDuedate())
        .isEqualTo(Date.from(local("2026-03-04T02:00:00")));
  }

  @Test
  void givenMarketingChangedTheScoring_whenItAsksForARescore_thenEveryLeadIsRecalculatedABatchAtATime() {
    ProcessInstance run = rescoreRequested();

    assertThat(run).hasPassed(Elements.RESCORE_REQUESTED).isWaitingAt(Elements.RECALCULATE_BATCH);
    int batches = runBatches(run);

    assertThat(batches).isEqualTo(3);
    assertThat(recalculated).isEqualTo(leads);
    assertThat(causes).containsOnly(ScoreCause.RESCORE.name());
    assertThat(run).hasPassed(Elements.END_SCORES_RECALCULATED).isEnded();
  }

  @Test
  void givenFewerLeadsThanABatch_whenARescoreRuns_thenOneBatchDoesIt() {
    leads = List.of("lead-1", "lead-2");

    ProcessInstance run = rescoreRequested();
    execute(job(Elements.RECALCULATE_BATCH, run));

    assertThat(run).hasPassed(Elements.END_SCORES_RECALCULATED).isEnded();
    assertThat(recalculated).isEqualTo(leads);
  }

  // --- helpers --------------------------------------------------------------------------------

  private static Instant local(String dateTime) {
    return LocalDateTime.parse(dateTime).atZone(ZoneId.systemDefault()).toInstant();
  }

  /** What POST /api/scoring/rescore does. */
  private static ProcessInstance rescoreRequested() {
    Map<String, Object> variables = new HashMap<>();
    variables.put(Variables.CAUSE, ScoreCause.RESCORE.name());
    variables.put(Variables.REQUESTED_BY, "marketing-lead");
    return runtimeService().startProcessInstanceByMessage(Messages.RESCORE_REQUESTED, "rescore", variables);
  }

  /** Runs the batches' jobs one by one as the job executor would, checking progress in between; returns how many. */
  private static int runBatches(ProcessInstance run) {
    int batches = 0;
    Job batch;
    while ((batch = job(Elements.RECALCULATE_BATCH, run)) != null) {
      execute(batch);
      batches++;
      if (runtimeService().createProcessInstanceQuery().processInstanceId(run.getId()).count() > 0) {
        assertThat(run).isWaitingAt(Elements.RECALCULATE_BATCH)
            .variables().containsEntry(Variables.LEADS_DONE, (long) batches * BATCH_SIZE);
      }
    }
    return batches;
  }
}
