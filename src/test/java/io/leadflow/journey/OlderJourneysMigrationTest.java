package io.leadflow.journey;

import static io.leadflow.journey.Journeys.journeyOf;
import static io.leadflow.journey.Journeys.welcomed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.leadflow.LeadflowTest;
import io.leadflow.TestSmtp;
import io.leadflow.lead.CaptureChannel;
import io.leadflow.lead.LeadCapture;
import io.leadflow.lead.LeadProfile;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A journey that started on an older model (here the one of 2026-11-29, which waited for four
 * boundary messages Leadflow no longer sends) moves to the latest model when Leadflow starts, and
 * then learns that its lead left nurturing like any other.
 */
@LeadflowTest
class OlderJourneysMigrationTest {

  static final String MODEL_OF_2026_11_29 = "journey/lead-nurturing-2026-11-29.bpmn";

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SMTP);

  @Autowired ProcessEngine engine;
  @Autowired LeadCapture capture;
  @Autowired OlderJourneysMigration migration;

  RepositoryService repository;
  RuntimeService runtime;
  Deployment older;
  Deployment latest;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    repository = engine.getRepositoryService();
    runtime = engine.getRuntimeService();
  }

  @AfterEach
  void removeTheModelsOfThisTest() {
    // the context's own deployment is the latest again for the tests after this one
    for (Deployment deployment : new Deployment[] {older, latest}) {
      if (deployment != null) {
        repository.deleteDeployment(deployment.getId(), true, true);
      }
    }
  }

  @Test
  void aJourneyWaitingOnTheModelOf2026_11_29MovesToTheLatestAndEndsWhenItsLeadUnsubscribes() {
    String leadId = capture.capture(new LeadProfile("older." + UUID.randomUUID() + "@example.com", "Ada", "Lovelace",
        "Analytical Engines", 50, null, null, null, null, "test", null, null), CaptureChannel.API, "test").lead().getId();
    ProcessInstance journey = welcomed(engine, leadId);
    ProcessDefinition current = definitionOf(journey);
    // given the journey runs on the model of 2026-11-29, waiting for its next send
    older = repository.createDeployment().name("lead-nurturing of 2026-11-29")
        .addClasspathResource(MODEL_OF_2026_11_29).deploy();
    ProcessDefinition olderModel = repository.createProcessDefinitionQuery().deploymentId(older.getId()).singleResult();
    runtime.newMigration(runtime.createMigrationPlan(current.getId(), olderModel.getId()).mapEqualActivities().build())
        .processInstanceIds(journey.getId()).skipCustomListeners().execute();
    assertThat(runtime.createEventSubscriptionQuery().processInstanceId(journey.getId())
        .eventName(LeadNurturingProcess.Messages.LEAD_LEFT_NURTURING).count())
        .as("the older model does not wait for 'Lead left nurturing'").isZero();
    // and Leadflow's own model is deployed again, as at a start after an upgrade
    latest = repository.createDeployment().name("lead-nurturing").enableDuplicateFiltering(false)
        .addClasspathResource("bpmn/lead-nurturing.bpmn").deploy();

    ProcessDefinition latestModel = repository.createProcessDefinitionQuery().deploymentId(latest.getId()).singleResult();

    int moved = migration.move(olderModel, latestModel);

    assertThat(moved).isEqualTo(1);
    assertThat(journeyOf(engine, leadId).getProcessDefinitionId()).isEqualTo(latestModel.getId());
    assertThat(journeyOf(engine, leadId)).isWaitingAt(LeadNurturingProcess.Elements.WAIT_FOR_NEXT_SEND);
    assertThat(runtime.createEventSubscriptionQuery().processInstanceId(journey.getId())
        .eventName(LeadNurturingProcess.Messages.LEAD_LEFT_NURTURING).count()).isEqualTo(1);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionId(olderModel.getId()).count()).isZero();

    runtime.createMessageCorrelation(LeadNurturingProcess.Messages.LEAD_LEFT_NURTURING)
        .processInstanceBusinessKey(leadId)
        .setVariable(LeadNurturingProcess.Variables.LEFT_NURTURING_BECAUSE, NurturingExit.UNSUBSCRIBED.name())
        .correlate();

    assertThat(journey).hasPassed(LeadNurturingProcess.Elements.END_UNSUBSCRIBED).isEnded();
  }

  private ProcessDefinition definitionOf(ProcessInstance journey) {
    return repository.getProcessDefinition(journey.getProcessDefinitionId());
  }
}
