package io.leadflow.sales;

import static io.leadflow.journey.Journeys.journeyOf;
import static io.leadflow.journey.Journeys.running;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.Api;
import io.leadflow.LeadflowTest;
import io.leadflow.journey.LeadNurturingProcess;
import io.leadflow.lead.Leads;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A qualified lead always reaches sales, whatever its journey is doing: sending a welcome the mail
 * server will not take, ended because the lead bounced or unsubscribed, or ended because it never
 * agreed to email. No mail server runs for this class: every send fails as with SMTP down.
 */
@LeadflowTest
class HandoffFollowsTheLeadTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired Leads leads;
  @Autowired SalesHandoffs handoffs;

  Api marketing;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    marketing = Api.at(port).as("mia", "demo");
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aDemoRequestWhileTheWelcomeIsRetryingWithTheMailServerDownReachesTheTeamsTasklist() {
    String lead = captured("Mona", "Outage GmbH", "DE", "");
    ProcessInstance journey = journeyOf(engine, lead);
    execute(job(LeadNurturingProcess.Elements.START, journey));
    Job welcome = job(LeadNurturingProcess.Elements.SEND_WELCOME, journey);
    assertThatThrownBy(() -> engine.getManagementService().executeJob(welcome.getId())).as("SMTP is down").isNotNull();
    assertThat(retriesOf(welcome)).as("the welcome is retrying").isBetween(1, 4);

    Api.Response demo = demoRequest(lead);

    assertThat(demo.status()).as(demo.toString()).isEqualTo(201);
    assertThat(leads.find(lead).orElseThrow().getStatus().name()).isEqualTo("SALES_QUALIFIED");
    assertThat(leads.find(lead).orElseThrow().getStage().name()).isEqualTo("BOFU");
    assertThat(journey).as("the journey stops sending while sales has the lead")
        .isWaitingAt(LeadNurturingProcess.Elements.SALES_HAS_THE_LEAD);
    assertThat(engine.getManagementService().createJobQuery().jobId(welcome.getId()).count())
        .as("the retrying welcome is called off").isZero();
    assertThat(followUpOf(lead)).satisfies(task -> assertThat(candidateGroups(task)).containsExactly("salesEurope"));
    assertThat(leads.find(lead).orElseThrow().getStatus().name()).isEqualTo("IN_SALES");
  }

  @Test
  void aLeadThatDidNotOptInToEmailGetsNoEmailButReachesSalesWhenItAsksForADemo() {
    String lead = captured("Nico", "No Newsletter SL", "ES", ", \"consent\": {\"given\": false}");
    JsonNode view = marketing.get("/api/leads/" + lead).json();
    assertThat(view.get("emailable").asBoolean()).isFalse();
    assertThat(view.get("notEmailableReason").asText()).isEqualTo("NO_CONSENT");

    ProcessInstance journey = journeyOf(engine, lead);
    execute(job(LeadNurturingProcess.Elements.START, journey));
    execute(job(LeadNurturingProcess.Elements.SEND_WELCOME, journey));

    assertThat(journey).as("the journey ends where Cockpit says why")
        .hasPassed(LeadNurturingProcess.Elements.END_NOT_CONTACTABLE).isEnded();
    assertThat(marketing.get("/api/leads/" + lead + "/deliveries").json()).isEmpty();
    assertThat(leads.find(lead).orElseThrow().getStatus().name()).isEqualTo("NURTURING");

    assertThat(demoRequest(lead).status()).isEqualTo(201);

    assertThat(leads.find(lead).orElseThrow().getStatus().name()).isEqualTo("SALES_QUALIFIED");
    assertThat(followUpOf(lead)).satisfies(task -> assertThat(candidateGroups(task)).containsExactly("salesEurope"));
  }

  @Test
  void aLeadWhoseEmailBouncedForGoodStillReachesSalesWhenItAsksForADemo() {
    String lead = captured("Bea", "Bounce AG", "DE", "");
    assertThat(marketing.postJson("/api/interactions", """
        {"leadId": "%s", "type": "EMAIL_BOUNCE", "details": {"bounceType": "hard"}}""".formatted(lead)).status()).isEqualTo(201);
    ProcessInstance journey = journeyOf(engine, lead);
    execute(job(LeadNurturingProcess.Elements.START, journey));
    execute(job(LeadNurturingProcess.Elements.SEND_WELCOME, journey));
    assertThat(journey).hasPassed(LeadNurturingProcess.Elements.END_NOT_CONTACTABLE).isEnded();
    assertThat(marketing.get("/api/leads/" + lead).json().get("notEmailableReason").asText()).isEqualTo("HARD_BOUNCE");

    Api.Response demo = demoRequest(lead);

    assertThat(demo.status()).isEqualTo(201);
    assertThat(demo.json().get("points").asInt()).isEqualTo(40);
    assertThat(leads.find(lead).orElseThrow().getStatus().name()).isEqualTo("SALES_QUALIFIED");
    assertThat(followUpOf(lead)).isNotNull();
  }

  @Test
  void aLeadWhoUnsubscribedStillReachesSalesWhenItAsksForADemo() {
    String lead = captured("Ulla", "Unsubscribed Oy", "FI", "");
    ProcessInstance journey = journeyOf(engine, lead);
    execute(job(LeadNurturingProcess.Elements.START, journey));
    assertThat(marketing.postJson("/api/interactions", "{\"leadId\": \"%s\", \"type\": \"UNSUBSCRIBE\"}".formatted(lead))
        .status()).isEqualTo(201);
    assertThat(journey).hasPassed(LeadNurturingProcess.Elements.END_UNSUBSCRIBED).isEnded();

    Api.Response demo = demoRequest(lead);

    assertThat(demo.status()).isEqualTo(201);
    assertThat(demo.json().get("points").asInt()).isEqualTo(40);
    assertThat(leads.find(lead).orElseThrow().getStatus().name()).isEqualTo("SALES_QUALIFIED");
    JsonNode view = marketing.get("/api/leads/" + lead).json();
    assertThat(view.get("emailable").asBoolean()).as("consent limits email, not sales").isFalse();
    assertThat(view.get("notEmailableReason").asText()).isEqualTo("UNSUBSCRIBED");
    assertThat(followUpOf(lead)).isNotNull();
  }

  @Test
  void theLeadsHistoryNamesEveryTransitionWithItsTimeAndCause() {
    String lead = captured("Hilde", "History KG", "DE", "");
    demoRequest(lead);
    followUpOf(lead);

    JsonNode history = marketing.get("/api/leads/" + lead + "/history").json();

    List<String> entries = new ArrayList<>();
    history.forEach(entry -> entries.add(entry.get("status").asText() + "/" + entry.get("stage").asText() + " " + entry.get("cause").asText()));
    assertThat(entries).containsExactly(
        "NURTURING/TOFU CAPTURED",
        "SALES_QUALIFIED/BOFU INTERACTION:DEMO_REQUEST",
        "IN_SALES/BOFU HANDED_TO_SALES");
    assertThat(history.get(0).get("at").asText()).endsWith("Z");
    assertThat(marketing.get("/api/leads/no-such-lead/history").status()).isEqualTo(404);
  }

  @Test
  void aSalesReadyLeadLeftWithoutAHandOffGetsOneFromTheSafetyNet() {
    String lead = captured("Stella", "Stranded Ltd", "DE", "");
    demoRequest(lead);
    engine.getRuntimeService().deleteProcessInstance(running(engine, SalesHandoffProcess.KEY, lead).getId(), "lost in a test");
    assertThat(handoffs.stranded()).as("not before leadflow.handoff.safety-net-after").doesNotContain(lead);

    ClockUtil.setCurrentTime(Date.from(ClockUtil.now().toInstant().plus(Duration.ofMinutes(6))));
    assertThat(handoffs.stranded()).contains(lead);
    String net = runTheSafetyNet();

    assertThat(endsOf(net)).containsExactly(HandoffSafetyNetProcess.Elements.END_HANDOFFS_STARTED);
    assertThat(running(engine, SalesHandoffProcess.KEY, lead)).as("handed over again").isNotNull();
    assertThat(handoffs.stranded()).isEmpty();
  }

  @Test
  void aHandOffTheSafetyNetCannotStartIsAnIncidentThatNamesTheLead() {
    String lead = captured("Ivo", "Incident BV", "NL", "");
    demoRequest(lead);
    engine.getRuntimeService().deleteProcessInstance(running(engine, SalesHandoffProcess.KEY, lead).getId(), "lost in a test");
    ClockUtil.setCurrentTime(Date.from(ClockUtil.now().toInstant().plus(Duration.ofMinutes(6))));
    engine.getRepositoryService().suspendProcessDefinitionByKey(SalesHandoffProcess.KEY);
    try {
      String net = startTheSafetyNet();
      Job start = engine.getManagementService().createJobQuery().processInstanceId(net)
          .activityId(HandoffSafetyNetProcess.Elements.START_HANDOFF).singleResult();
      for (int attempt = 0; attempt < 3; attempt++) {
        Job current = engine.getManagementService().createJobQuery().jobId(start.getId()).singleResult();
        ClockUtil.setCurrentTime(current.getDuedate() == null ? ClockUtil.now() : current.getDuedate());
        assertThatThrownBy(() -> engine.getManagementService().executeJob(start.getId())).isNotNull();
      }

      Incident incident = engine.getRuntimeService().createIncidentQuery().processInstanceId(net).singleResult();
      assertThat(incident.getIncidentMessage()).contains("Lead " + lead).contains("without a hand-off");

      engine.getRepositoryService().activateProcessDefinitionByKey(SalesHandoffProcess.KEY);
      engine.getManagementService().setJobRetries(start.getId(), 1);
      engine.getManagementService().executeJob(start.getId());
      assertThat(running(engine, SalesHandoffProcess.KEY, lead)).isNotNull();
    } finally {
      engine.getRepositoryService().activateProcessDefinitionByKey(SalesHandoffProcess.KEY);
    }
  }

  @Test
  void inNormalRunsTheSafetyNetFindsNothing() {
    String lead = captured("Norma", "Normal Run SA", "FR", "");
    demoRequest(lead);
    followUpOf(lead);

    ClockUtil.setCurrentTime(Date.from(ClockUtil.now().toInstant().plus(Duration.ofDays(1))));

    assertThat(handoffs.stranded()).isEmpty();
    assertThat(endsOf(runTheSafetyNet())).containsExactly(HandoffSafetyNetProcess.Elements.END_NONE_STRANDED);
  }

  private String captured(String firstName, String company, String country, String more) {
    Api.Response captured = marketing.postJson("/api/leads", """
        {"email": "%s.%s@example.com", "firstName": "%s", "lastName": "Tester", "company": "%s", "companySize": 400,
         "industry": "Software", "jobTitle": "CTO", "country": "%s"%s}"""
        .formatted(firstName.toLowerCase(), UUID.randomUUID().toString().substring(0, 8), firstName, company, country, more));
    assertThat(captured.status()).as(captured.toString()).isEqualTo(201);
    return captured.json().get("id").asText();
  }

  private Api.Response demoRequest(String lead) {
    return marketing.postJson("/api/interactions", "{\"leadId\": \"%s\", \"type\": \"DEMO_REQUEST\"}".formatted(lead));
  }

  /** Routes the lead's hand-off (its first job) and returns the follow-up it made. */
  private Task followUpOf(String lead) {
    ProcessInstance handoff = running(engine, SalesHandoffProcess.KEY, lead);
    assertThat(handoff).as("a hand-off for lead " + lead).isNotNull();
    execute(job(SalesHandoffProcess.Elements.ROUTE_TO_SALES, handoff));
    return engine.getTaskService().createTaskQuery().processInstanceId(handoff.getId())
        .taskDefinitionKey(SalesHandoffProcess.Elements.FOLLOW_UP).singleResult();
  }

  private List<String> candidateGroups(Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> link.getGroupId() != null).map(link -> link.getGroupId()).toList();
  }

  private int retriesOf(Job job) {
    return engine.getManagementService().createJobQuery().jobId(job.getId()).singleResult().getRetries();
  }

  /** Fires the safety net's timer now: a run of its own; its id. */
  private String startTheSafetyNet() {
    Job timer = engine.getManagementService().createJobQuery().processDefinitionKey(HandoffSafetyNetProcess.KEY)
        .timers().activityId(HandoffSafetyNetProcess.Elements.START).singleResult();
    List<String> before = runs();
    engine.getManagementService().executeJob(timer.getId());
    return runs().stream().filter(run -> !before.contains(run)).findFirst().orElseThrow();
  }

  /** A run of the safety net, each of its hand-off jobs executed; its id. */
  private String runTheSafetyNet() {
    String net = startTheSafetyNet();
    engine.getManagementService().createJobQuery().processInstanceId(net).list()
        .forEach(job -> engine.getManagementService().executeJob(job.getId()));
    return net;
  }

  private List<String> runs() {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(HandoffSafetyNetProcess.KEY)
        .list().stream().map(run -> run.getId()).toList();
  }

  /** The end events a run of the safety net reached (empty while it runs). */
  private List<String> endsOf(String run) {
    return engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(run)
        .activityType("noneEndEvent").finished().list().stream().map(end -> end.getActivityId()).toList();
  }
}
