package io.leadflow.sales;

import static io.leadflow.journey.Journeys.journeyOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.Api;
import io.leadflow.LeadflowTest;
import io.leadflow.intake.InteractionIntake;
import io.leadflow.journey.LeadNurturingProcess;
import io.leadflow.lead.LeadChangeRelay;
import io.leadflow.lead.LeadStatus;
import io.leadflow.lead.Leads;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Intake commits a lead's change without waiting on the engine; the engine learns of it after the
 * commit, from the lead change outbox. Here the process dies between the two: the transaction that
 * made the lead sales-qualified commits, and the thread is killed in the first after-commit
 * callback, before anything tells the engine. The change waits in the database, and the next relay
 * (a background relay's sweep, or a restarted node's) tells the journey and starts the hand-off.
 * No mail server runs for this class: the welcome fails, as in {@link HandoffFollowsTheLeadTest}.
 */
@LeadflowTest
class LeadChangesAfterACrashTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired Leads leads;
  @Autowired SalesHandoffs handoffs;
  @Autowired InteractionIntake intake;
  @Autowired LeadChangeRelay relay;
  @Autowired PlatformTransactionManager transactions;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;

  Api marketing;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    marketing = Api.at(port).as("mia", "demo");
  }

  @Test
  void aDemoRequestCommittedJustBeforeTheProcessDiedStillReachesTheJourneyAndSales() {
    String lead = captured("Kurt", "Crash Test GmbH");
    ProcessInstance journey = journeyOf(engine, lead);
    execute(job(LeadNurturingProcess.Elements.START, journey));

    diesRightAfterItsCommit(() -> intake.receive(demoRequest(lead)));

    assertThat(leads.find(lead).orElseThrow().getStatus()).as("the demo request is committed")
        .isEqualTo(LeadStatus.SALES_QUALIFIED);
    assertThat(waitingChanges(lead)).as("the change waits in the outbox").isEqualTo(1);
    assertThat(journey).as("the journey has not been told yet").isNotWaitingAt(LeadNurturingProcess.Elements.SALES_HAS_THE_LEAD);
    assertThat(handoffs.isOpenFor(lead)).as("no hand-off yet").isFalse();

    int told = relay.sweep(); // what a background relay does every sweep-every, and a restarted node at once

    assertThat(told).isGreaterThanOrEqualTo(1);
    assertThat(journey).as("the journey stops sending while sales has the lead")
        .isWaitingAt(LeadNurturingProcess.Elements.SALES_HAS_THE_LEAD);
    assertThat(handoffs.isOpenFor(lead)).as("the hand-off started").isTrue();
    assertThat(waitingChanges(lead)).as("relayed once, then gone").isZero();
  }

  @Test
  void severalChangesOfOneLeadCommittedBeforeTheRelayRunsAreToldOnceInTheLatestState() {
    String lead = captured("Rita", "Many Clicks Ltd");
    ProcessInstance journey = journeyOf(engine, lead);
    execute(job(LeadNurturingProcess.Elements.START, journey));

    diesRightAfterItsCommit(() -> {
      intake.receive(interaction(lead, "PRICE_LIST_REQUEST"));
      intake.receive(demoRequest(lead));
      intake.receive(interaction(lead, "PRICE_LIST_REQUEST"));
    });
    assertThat(waitingChanges(lead)).as("a row per change that moved the lead").isGreaterThanOrEqualTo(1);

    assertThat(relay.sweep()).as("one lead told, once").isEqualTo(1);
    assertThat(journey).isWaitingAt(LeadNurturingProcess.Elements.SALES_HAS_THE_LEAD);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(SalesHandoffProcess.KEY)
        .processInstanceBusinessKey(lead).count()).as("one hand-off").isEqualTo(1);
  }

  @Test
  void aChangeRolledBackLeavesNothingForTheEngine() {
    String lead = captured("Rolf", "Rollback SA");

    assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
      intake.receive(demoRequest(lead));
      throw new IllegalStateException("rolled back");
    })).hasMessage("rolled back");

    assertThat(leads.find(lead).orElseThrow().getStatus()).isEqualTo(LeadStatus.NURTURING);
    assertThat(waitingChanges(lead)).isZero();
    assertThat(handoffs.isOpenFor(lead)).isFalse();
  }

  /** Runs the work in a transaction that commits, then kills the thread before any other after-commit callback. */
  private void diesRightAfterItsCommit(Runnable work) {
    assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
      TransactionSynchronizationManager.registerSynchronization(new DiesAfterCommit());
      work.run();
    })).hasMessage(DiesAfterCommit.DIED);
  }

  private static final class DiesAfterCommit implements TransactionSynchronization, Ordered {
    static final String DIED = "the process died right after the commit";

    @Override
    public int getOrder() {
      return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public void afterCommit() {
      throw new IllegalStateException(DIED);
    }
  }

  private long waitingChanges(String lead) {
    return jdbc.queryForObject("select count(*) from lead_change_outbox where lead_id = ?", Long.class, lead);
  }

  private String captured(String firstName, String company) {
    Api.Response captured = marketing.postJson("/api/leads", """
        {"email": "%s.%s@example.com", "firstName": "%s", "lastName": "Tester", "company": "%s", "companySize": 400,
         "industry": "Software", "jobTitle": "CTO", "country": "DE"}"""
        .formatted(firstName.toLowerCase(), UUID.randomUUID().toString().substring(0, 8), firstName, company));
    assertThat(captured.status()).as(captured.toString()).isEqualTo(201);
    return captured.json().get("id").asText();
  }

  private com.fasterxml.jackson.databind.JsonNode demoRequest(String lead) {
    return interaction(lead, "DEMO_REQUEST");
  }

  private com.fasterxml.jackson.databind.JsonNode interaction(String lead, String type) {
    return json.createObjectNode().put("leadId", lead).put("type", type);
  }
}
