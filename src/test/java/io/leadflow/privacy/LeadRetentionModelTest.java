package io.leadflow.privacy;

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
import io.leadflow.privacy.LeadRetentionProcess.Beans;
import io.leadflow.privacy.LeadRetentionProcess.Elements;
import io.leadflow.privacy.LeadRetentionProcess.Variables;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
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
 * Retention's model alone (bpmn/lead-retention.bpmn): finding the inactive leads and retiring them
 * replaced by stand-ins, its nightly timer and one job per lead run by the test. Both end events,
 * and a lead that cannot be retired becoming an incident naming it.
 */
@Deployment(resources = "bpmn/lead-retention.bpmn")
class LeadRetentionModelTest {

  private static final String BPMN = "bpmn/lead-retention.bpmn";
  /** The nightly cron is read in the JVM's time zone: the times here are too. */
  private static final Instant DEPLOYED = local("2026-03-02T15:30:00");
  private static final Instant FIRST_NIGHT = local("2026-03-03T02:30:00");
  private static final String BROKEN_LEAD = "lead-b";

  @RegisterExtension
  @Order(1)
  static ProcessEngineCoverageExtension engine = ModelTests.engineWithCoverage(1.0);

  @RegisterExtension
  @Order(2)
  static EveryEndEventReached everyEnd = new EveryEndEventReached(engine, LeadRetentionProcess.KEY, BPMN);

  /** What the stand-in finder finds. */
  private List<String> inactive = List.of();
  private boolean brokenLeadFails = true;
  private final Set<String> retired = new CopyOnWriteArraySet<>();

  @BeforeEach
  void standIns() {
    BpmnAwareTests.init(engine.getProcessEngine());
    // before the deployment (the engine extension deploys after @BeforeEach): the timer's first due time follows from it
    ClockUtil.setCurrentTime(Date.from(DEPLOYED));
    Mocks.register(Beans.FIND_INACTIVE_LEADS, (JavaDelegate) execution -> {
      execution.setVariable(Variables.INACTIVE_LEADS, org.camunda.bpm.engine.variable.Variables
          .objectValue(new ArrayList<>(inactive))
          .serializationDataFormat(org.camunda.bpm.engine.variable.Variables.SerializationDataFormats.JSON)
          .create());
      execution.setVariable(Variables.INACTIVE_COUNT, inactive.size());
    });
    Mocks.register(Beans.RETIRE_INACTIVE_LEAD, (JavaDelegate) execution -> {
      String leadId = (String) execution.getVariable(Variables.LEAD_ID);
      if (brokenLeadFails && BROKEN_LEAD.equals(leadId)) {
        throw new IllegalStateException("Lead " + leadId + " has had no activity for the retention period, and retiring it failed");
      }
      retired.add(leadId);
    });
  }

  @AfterEach
  void resetClockAndMocks() {
    ClockUtil.reset();
    Mocks.reset();
    BpmnAwareTests.reset();
  }

  @Test
  void givenRetentionIsDeployed_whenTheNightComes_thenItLooksAndFindsNoLeadInactiveTooLong() {
    Job everyNight = jobQuery().processDefinitionKey(LeadRetentionProcess.KEY).timers().singleResult();
    assertThat(everyNight.getDuedate()).isEqualTo(Date.from(FIRST_NIGHT));

    ClockUtil.setCurrentTime(everyNight.getDuedate());
    execute(everyNight);

    assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey(LeadRetentionProcess.KEY).count()).isZero();
    assertThat(passed()).contains(Elements.START, Elements.FIND_INACTIVE_LEADS, Elements.GATEWAY_ANY_INACTIVE,
        Elements.END_NONE_INACTIVE).doesNotContain(Elements.RETIRE_LEAD);
    Job next = jobQuery().processDefinitionKey(LeadRetentionProcess.KEY).timers().singleResult();
    assertThat(next.getDuedate()).isEqualTo(Date.from(local("2026-03-04T02:30:00")));
  }

  @Test
  void givenLeadsInactiveTooLong_whenRetentionRuns_thenEachIsRetiredInAJobOfItsOwn() {
    inactive = List.of("lead-a", "lead-c", "lead-d");

    ProcessInstance run = runtimeService().startProcessInstanceByKey(LeadRetentionProcess.KEY);

    assertThat(run).isWaitingAt(Elements.RETIRE_LEAD);
    ObjectValue leads = runtimeService().getVariableTyped(run.getId(), Variables.INACTIVE_LEADS);
    assertThat(leads.getSerializationDataFormat())
        .isEqualTo(org.camunda.bpm.engine.variable.Variables.SerializationDataFormats.JSON.getName());
    List<Job> perLead = retireJobs(run);
    assertThat(perLead).hasSize(3);
    perLead.forEach(BpmnAwareTests::execute);

    assertThat(retired).containsExactlyInAnyOrder("lead-a", "lead-c", "lead-d");
    assertThat(run).hasPassed(Elements.RETIRE_LEAD, Elements.END_LEADS_RETIRED).isEnded();
  }

  @Test
  void givenALeadThatCannotBeRetired_whenItsJobHasFailedEveryRetry_thenItIsAnIncidentNamingItAndTheOthersAreRetired() {
    inactive = List.of("lead-a", BROKEN_LEAD, "lead-c");
    ProcessInstance run = runtimeService().startProcessInstanceByKey(LeadRetentionProcess.KEY);

    for (Job job : retireJobs(run)) {
      runUntilRetriesAreUsedUp(job, BROKEN_LEAD);
    }

    assertThat(retired).containsExactlyInAnyOrder("lead-a", "lead-c");
    Incident incident = runtimeService().createIncidentQuery().processInstanceId(run.getId()).singleResult();
    assertThat(incident.getActivityId()).isEqualTo(Elements.RETIRE_LEAD);
    assertThat(incident.getIncidentMessage()).contains(BROKEN_LEAD);
    assertThat(run).isWaitingAt(Elements.RETIRE_LEAD);

    // the cause fixed, an operator retries the job in Cockpit
    brokenLeadFails = false;
    Job failed = retireJobs(run).get(0);
    managementService().setJobRetries(failed.getId(), 1);
    execute(failed);

    assertThat(retired).contains(BROKEN_LEAD);
    assertThat(run).hasPassed(Elements.END_LEADS_RETIRED).isEnded();
  }

  // --- helpers --------------------------------------------------------------------------------

  private static List<Job> retireJobs(ProcessInstance run) {
    return jobQuery().processInstanceId(run.getId()).activityId(Elements.RETIRE_LEAD).list();
  }

  /** The elements retention's runs passed (history: a run from the timer ends in its job). */
  private static List<String> passed() {
    return historyService().createHistoricActivityInstanceQuery().list().stream()
        .filter(activity -> activity.getProcessDefinitionKey().equals(LeadRetentionProcess.KEY))
        .map(activity -> activity.getActivityId())
        .toList();
  }

  private static Instant local(String dateTime) {
    return LocalDateTime.parse(dateTime).atZone(ZoneId.systemDefault()).toInstant();
  }
}
