package io.leadflow.sales;

import static io.leadflow.model.RetriedJobs.runUntilRetriesAreUsedUp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import io.leadflow.model.EveryEndEventReached;
import io.leadflow.model.ModelTests;
import io.leadflow.sales.HandoffSafetyNetProcess.Beans;
import io.leadflow.sales.HandoffSafetyNetProcess.Elements;
import io.leadflow.sales.HandoffSafetyNetProcess.Variables;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The hand-off safety net's model alone (bpmn/handoff-safety-net.bpmn): finding the stranded leads
 * and starting their hand-offs replaced by stand-ins, its timer and one job per lead run by the
 * test. Both end events, and a lead whose hand-off cannot start becoming an incident.
 */
@Deployment(resources = "bpmn/handoff-safety-net.bpmn")
class HandoffSafetyNetModelTest {

  private static final String BPMN = "bpmn/handoff-safety-net.bpmn";
  private static final Instant DEPLOYED = Instant.parse("2026-03-02T09:02:00Z");
  private static final Instant FIRST_RUN = Instant.parse("2026-03-02T09:05:00Z");
  private static final String BROKEN_LEAD = "lead-b";

  @RegisterExtension
  @Order(1)
  static ProcessEngineCoverageExtension engine = ModelTests.engineWithCoverage(1.0);

  @RegisterExtension
  @Order(2)
  static EveryEndEventReached everyEnd = new EveryEndEventReached(engine, HandoffSafetyNetProcess.KEY, BPMN);

  /** What the stand-in finder finds. */
  private List<String> stranded = List.of();
  private boolean brokenLeadFails = true;
  private final Set<String> handedOver = new CopyOnWriteArraySet<>();

  @BeforeEach
  void standIns() {
    BpmnAwareTests.init(engine.getProcessEngine());
    // before the deployment (the engine extension deploys after @BeforeEach): the timer's first due time follows from it
    ClockUtil.setCurrentTime(Date.from(DEPLOYED));
    Mocks.register(Beans.FIND_STRANDED_LEADS, (JavaDelegate) execution -> {
      execution.setVariable(Variables.STRANDED_LEADS, org.camunda.bpm.engine.variable.Variables
          .objectValue(new ArrayList<>(stranded))
          .serializationDataFormat(org.camunda.bpm.engine.variable.Variables.SerializationDataFormats.JSON)
          .create());
      execution.setVariable(Variables.STRANDED_COUNT, stranded.size());
    });
    Mocks.register(Beans.START_MISSING_HANDOFF, (JavaDelegate) execution -> {
      String leadId = (String) execution.getVariable(Variables.LEAD_ID);
      if (brokenLeadFails && BROKEN_LEAD.equals(leadId)) {
        throw new IllegalStateException("Lead " + leadId + " is ready for sales without a hand-off, and starting one failed");
      }
      handedOver.add(leadId);
    });
  }

  @AfterEach
  void resetClockAndMocks() {
    ClockUtil.reset();
    Mocks.reset();
    BpmnAwareTests.reset();
  }

  @Test
  void givenTheSafetyNetIsDeployed_whenTheNextFiveMinuteMarkComes_thenItLooksAndFindsEveryLeadWithSales() {
    Job everyFiveMinutes = jobQuery().processDefinitionKey(HandoffSafetyNetProcess.KEY).timers().singleResult();
    assertThat(everyFiveMinutes.getDuedate()).isEqualTo(Date.from(FIRST_RUN));

    ClockUtil.setCurrentTime(everyFiveMinutes.getDuedate());
    execute(everyFiveMinutes);

    assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey(HandoffSafetyNetProcess.KEY).count()).isZero();
    assertThat(passed()).contains(Elements.START, Elements.FIND_STRANDED_LEADS, Elements.GATEWAY_ANY_STRANDED,
        Elements.END_NONE_STRANDED).doesNotContain(Elements.START_HANDOFF);
    Job next = jobQuery().processDefinitionKey(HandoffSafetyNetProcess.KEY).timers().singleResult();
    assertThat(next.getDuedate()).isEqualTo(Date.from(FIRST_RUN.plusSeconds(300)));
  }

  @Test
  void givenLeadsLeftWithoutAHandoff_whenTheSafetyNetRuns_thenEachGetsOneInAJobOfItsOwn() {
    stranded = List.of("lead-a", "lead-c", "lead-d");

    ProcessInstance run = runtimeService().startProcessInstanceByKey(HandoffSafetyNetProcess.KEY);

    assertThat(run).isWaitingAt(Elements.START_HANDOFF);
    ObjectValue leads = runtimeService().getVariableTyped(run.getId(), Variables.STRANDED_LEADS);
    assertThat(leads.getSerializationDataFormat()).isEqualTo(org.camunda.bpm.engine.variable.Variables.SerializationDataFormats.JSON.getName());
    List<Job> perLead = handoffJobs(run);
    assertThat(perLead).hasSize(3);
    perLead.forEach(BpmnAwareTests::execute);

    assertThat(handedOver).containsExactlyInAnyOrder("lead-a", "lead-c", "lead-d");
    assertThat(run).hasPassed(Elements.START_HANDOFF, Elements.END_HANDOFFS_STARTED).isEnded();
  }

  @Test
  void givenALeadWhoseHandoffCannotStart_whenItsJobHasFailedEveryRetry_thenItIsAnIncidentNamingItAndTheOthersAreWithSales() {
    stranded = List.of("lead-a", BROKEN_LEAD, "lead-c");
    ProcessInstance run = runtimeService().startProcessInstanceByKey(HandoffSafetyNetProcess.KEY);

    for (Job job : handoffJobs(run)) {
      runUntilRetriesAreUsedUp(job, BROKEN_LEAD);
    }

    assertThat(handedOver).containsExactlyInAnyOrder("lead-a", "lead-c");
    Incident incident = runtimeService().createIncidentQuery().processInstanceId(run.getId()).singleResult();
    assertThat(incident.getActivityId()).isEqualTo(Elements.START_HANDOFF);
    assertThat(incident.getIncidentMessage()).contains(BROKEN_LEAD);
    assertThat(run).isWaitingAt(Elements.START_HANDOFF);

    // the cause fixed, an operator retries the job in Cockpit
    brokenLeadFails = false;
    Job failed = handoffJobs(run).get(0);
    managementService().setJobRetries(failed.getId(), 1);
    execute(failed);

    assertThat(handedOver).contains(BROKEN_LEAD);
    assertThat(run).hasPassed(Elements.END_HANDOFFS_STARTED).isEnded();
  }

  // --- helpers --------------------------------------------------------------------------------

  private static List<Job> handoffJobs(ProcessInstance run) {
    return jobQuery().processInstanceId(run.getId()).activityId(Elements.START_HANDOFF).list();
  }

  /** The elements the safety net's runs passed (history: a run from the timer ends in its job). */
  private static List<String> passed() {
    return historyService().createHistoricActivityInstanceQuery().list().stream()
        .filter(activity -> activity.getProcessDefinitionKey().equals(HandoffSafetyNetProcess.KEY))
        .map(activity -> activity.getActivityId())
        .toList();
  }
}
