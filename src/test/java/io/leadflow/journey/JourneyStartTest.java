package io.leadflow.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import io.leadflow.LeadflowTest;
import io.leadflow.lead.CaptureChannel;
import io.leadflow.lead.Lead;
import io.leadflow.lead.LeadCapture;
import io.leadflow.lead.LeadProfile;
import io.leadflow.lead.Leads;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A lead and its journey commit together, and the journey runs only after that commit. */
@LeadflowTest
class JourneyStartTest {

  @Autowired ProcessEngine engine;
  @Autowired LeadCapture capture;
  @Autowired Leads leads;
  @Autowired PlatformTransactionManager transactions;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
  }

  @Test
  void aCaptureThatRollsBackLeavesNeitherLeadNorJourney() {
    String email = "rolled.back." + UUID.randomUUID() + "@example.com";
    String[] id = new String[1];

    new TransactionTemplate(transactions).executeWithoutResult(status -> {
      id[0] = capture.capture(profile(email), CaptureChannel.API, "test").lead().getId();
      assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(id[0]).count())
          .as("inside the transaction the journey exists").isEqualTo(1);
      status.setRollbackOnly();
    });

    assertThat(leads.find(id[0])).isEmpty();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(id[0]).count()).isZero();
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(id[0]).count()).isZero();
  }

  @Test
  void aCommittedLeadHasItsJourneyWhichRunsFromTheJobExecutorAfterTheCommit() {
    Lead lead = capture.capture(profile("committed." + UUID.randomUUID() + "@example.com"), CaptureChannel.API, "test").lead();

    ProcessInstance journey = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(LeadNurturingProcess.KEY).processInstanceBusinessKey(lead.getId()).singleResult();
    assertThat(journey).as("the journey commits with the lead").isNotNull();
    assertThat(journey).isWaitingAt(LeadNurturingProcess.Elements.START);
    assertThat(job(journey)).as("the journey's first step is a job: it runs after the commit").isNotNull();

    execute(job(journey));

    assertThat(journey).as("next: the welcome, a job of its own").isWaitingAt(LeadNurturingProcess.Elements.SEND_WELCOME);
  }

  private static LeadProfile profile(String email) {
    return new LeadProfile(email, "Test", "Lead", "Initech", 50, null, null, null, null, "test", null, null);
  }
}
