package io.leadflow.sales;

import static io.leadflow.journey.Journeys.journeyOf;
import static io.leadflow.journey.Journeys.running;
import static io.leadflow.journey.Journeys.timer;
import static io.leadflow.journey.Journeys.welcomed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.leadflow.TestSmtp;
import com.sun.net.httpserver.HttpServer;
import io.leadflow.Api;
import io.leadflow.LeadflowTest;
import io.leadflow.journey.LeadNurturingProcess;
import io.leadflow.lead.Leads;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A lead qualifies, a salesperson follows it up in Tasklist, and the outcome does what it says. */
@LeadflowTest
class SalesHandoffTest {

  /** The journey welcomes the lead before it can qualify: a real SMTP server takes the emails. */
  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SMTP);

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired Leads leads;
  @Autowired io.leadflow.delivery.ContentDelivery deliveries;

  Api marketing;
  HttpServer crm;
  final List<String> crmReceived = new CopyOnWriteArrayList<>();

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    marketing = Api.at(port).as("mia", "demo");
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    if (crm != null) {
      crm.stop(0);
    }
  }

  @Test
  void aDemoRequestGivesTheRoutedTeamAFollowUpDueWithinTheHourWithEverythingTheRepNeeds() {
    String lead = aLeadAskingForADemo("Grace", "Compiler Corp", "US");
    ProcessInstance handoff = routed(lead);

    Task followUp = followUp(handoff);
    assertThat(followUp.getName()).isEqualTo("Follow up Grace Hopper (Compiler Corp)");
    assertThat(engine.getTaskService().getIdentityLinksForTask(followUp.getId()))
        .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo(engine.getRuntimeService().getVariable(handoff.getId(), "team")));
    assertThat(Duration.between(ClockUtil.now().toInstant(), followUp.getDueDate().toInstant())).isLessThanOrEqualTo(Duration.ofHours(1));
    Map<String, Object> form = engine.getTaskService().getVariables(followUp.getId());
    assertThat(form).containsEntry("leadName", "Grace Hopper").containsEntry("company", "Compiler Corp")
        .containsKeys("leadEmail", "leadProfile", "scores", "whyQualified", "lastInteractions", "contentSent");
    assertThat((String) form.get("whyQualified")).startsWith("Sales-qualified");
    assertThat((String) form.get("lastInteractions")).contains("DEMO_REQUEST");
    assertThat(engine.getFormService().getTaskFormKey(followUp.getProcessDefinitionId(), followUp.getTaskDefinitionKey()))
        .as("a Camunda Form").isNull();
    assertThat(leads.find(lead).orElseThrow().getStatus().name()).isEqualTo("IN_SALES");
  }

  @Test
  void anOpportunityIsPostedToTheCrmAndWhenTheCrmIsDownItBecomesAnIncidentUntilItIsBack() throws IOException {
    String lead = aLeadAskingForADemo("Alan", "Bletchley Analytics", "GB");
    ProcessInstance journey = journeyOf(engine, lead);
    ProcessInstance handoff = routed(lead);
    engine.getTaskService().complete(followUp(handoff).getId(), Map.of("outcome", "OPPORTUNITY"));

    Job send = job(SalesHandoffProcess.Elements.HAND_TO_CRM, handoff);
    for (int attempt = 0; attempt < 5; attempt++) {
      Job current = engine.getManagementService().createJobQuery().jobId(send.getId()).singleResult();
      ClockUtil.setCurrentTime(current.getDuedate() == null ? ClockUtil.now() : current.getDuedate());
      assertThatThrownBy(() -> engine.getManagementService().executeJob(send.getId())).isNotNull();
    }
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(handoff.getId()).singleResult())
        .as("the CRM is down: an incident in Cockpit").isNotNull();
    assertThat(leads.find(lead).orElseThrow().getStatus().name()).isEqualTo("IN_SALES");

    startTheCrm();
    engine.getManagementService().setJobRetries(send.getId(), 1);
    execute(engine.getManagementService().createJobQuery().jobId(send.getId()).singleResult());

    assertThat(crmReceived).singleElement().satisfies(body -> assertThat(body).contains("\"id\":\"" + lead + "\"")
        .contains("Bletchley Analytics"));
    assertThat(handoff).hasPassed(SalesHandoffProcess.Elements.END_OPPORTUNITY).isEnded();
    assertThat(leads.find(lead).orElseThrow().getStatus().name()).isEqualTo("OPPORTUNITY");
    assertThat(journey).as("the journey waits for the sale").isWaitingAt(LeadNurturingProcess.Elements.SALES_HAS_THE_LEAD);
  }

  @Test
  void aWonLeadIsNurturedAsACustomerWithLoyaltyContentOnItsOwnCadence() throws IOException {
    String lead = aLeadAskingForADemo("Wendy", "Winner GmbH", "DE");
    ProcessInstance journey = journeyOf(engine, lead);
    ProcessInstance handoff = routed(lead);
    engine.getTaskService().complete(followUp(handoff).getId(), Map.of("outcome", "OPPORTUNITY"));
    startTheCrm();
    execute(job(SalesHandoffProcess.Elements.HAND_TO_CRM, handoff));
    assertThat(journey).isWaitingAt(LeadNurturingProcess.Elements.SALES_HAS_THE_LEAD);

    Api.Response won = marketing.postJson("/api/leads/" + lead + "/won", "");

    assertThat(won.status()).as(won.toString()).isEqualTo(200);
    assertThat(won.json().get("status").asText()).isEqualTo("CUSTOMER");
    assertThat(won.json().get("stage").asText()).isEqualTo("LOYALTY");
    assertThat(journey).hasPassed(LeadNurturingProcess.Elements.WELCOME_CUSTOMER).isWaitingAt(LeadNurturingProcess.Elements.WAIT_FOR_NEXT_SEND).variables().containsEntry(LeadNurturingProcess.Variables.STAGE, "LOYALTY");
    assertThat(marketing.postJson("/api/leads/" + lead + "/won", "").status()).as("once is enough").isEqualTo(200);

    Job due = engine.getManagementService().createJobQuery().processInstanceId(journey.getId())
        .activityId(LeadNurturingProcess.Elements.NEXT_SEND_DUE).timers().singleResult();
    ClockUtil.setCurrentTime(due.getDuedate());
    java.util.Set<String> sentBefore = deliveries.sentContentIds(lead);
    execute(due);

    java.util.Set<String> sentNow = new java.util.HashSet<>(deliveries.sentContentIds(lead));
    sentNow.removeAll(sentBefore);
    assertThat(sentNow).hasSize(1);
    String sent = sentNow.iterator().next();
    assertThat(marketing.get("/api/content/" + sent).json().get("stage").asText()).isEqualTo("LOYALTY");
    assertThat(journey).isWaitingAt(LeadNurturingProcess.Elements.WAIT_FOR_NEXT_SEND).variables().containsEntry(LeadNurturingProcess.Variables.STAGE, "LOYALTY");
    assertThat(marketing.postJson("/api/leads/no-such-lead/won", "").status()).isEqualTo(404);
  }

  @Test
  void aRepWhoClosesTheDealRecordsTheSaleOnTheFollowUpAndTheCustomerIsNurturedForLoyalty() {
    String lead = aLeadAskingForADemo("Quinn", "Quick Close Ltd", "DE");
    ProcessInstance journey = journeyOf(engine, lead);
    ProcessInstance handoff = routed(lead);

    engine.getTaskService().complete(followUp(handoff).getId(), Map.of("outcome", "WON"));

    assertThat(handoff).hasPassed(SalesHandoffProcess.Elements.END_WON).isEnded();
    assertThat(leads.find(lead).orElseThrow().getStatus().name()).isEqualTo("CUSTOMER");
    assertThat(journey).hasPassed(LeadNurturingProcess.Elements.WELCOME_CUSTOMER).isWaitingAt(LeadNurturingProcess.Elements.WAIT_FOR_NEXT_SEND).variables().containsEntry(LeadNurturingProcess.Variables.STAGE, "LOYALTY");
  }

  @Test
  void aLeadSentBackNotBeforeADayIsNotHandedOverAgainUntilThen() {
    String lead = aLeadAskingForADemo("Nora", "Next Quarter GmbH", "DE");
    ProcessInstance journey = journeyOf(engine, lead);
    ProcessInstance first = routed(lead);
    String notBefore = ClockUtil.now().toInstant().plus(Duration.ofDays(30)).toString().substring(0, 10);

    engine.getTaskService().complete(followUp(first).getId(),
        Map.of("outcome", "NOT_READY", "reason", "Budget next quarter", "notBefore", notBefore));

    assertThat(first).hasPassed(SalesHandoffProcess.Elements.RETURN_TO_NURTURING).isEnded();
    assertThat(journey).as("back from sales, at the stage its score says").isWaitingAt(LeadNurturingProcess.Elements.WAIT_FOR_NEXT_SEND).variables().containsEntry(LeadNurturingProcess.Variables.STAGE, "BOFU");
    ClockUtil.setCurrentTime(java.util.Date.from(ClockUtil.now().toInstant().plus(Duration.ofDays(1))));
    marketing.postJson("/api/interactions", "{\"leadId\": \"%s\", \"type\": \"QUOTE_REQUEST\"}".formatted(lead));
    assertThat(leads.find(lead).orElseThrow().getStatus().name()).as("held back until the day sales gave").isEqualTo("NURTURING");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(SalesHandoffProcess.KEY)
        .processInstanceBusinessKey(lead).active().count()).isZero();

    ClockUtil.setCurrentTime(java.util.Date.from(ClockUtil.now().toInstant().plus(Duration.ofDays(31))));
    marketing.postJson("/api/interactions", "{\"leadId\": \"%s\", \"type\": \"PRICE_LIST_REQUEST\"}".formatted(lead));

    assertThat(leads.find(lead).orElseThrow().getStatus().name()).isEqualTo("SALES_QUALIFIED");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(SalesHandoffProcess.KEY)
        .processInstanceBusinessKey(lead).active().count()).as("handed over again").isEqualTo(1);
  }

  @Test
  void aDisqualifiedLeadLeavesAndItsJourneyEnds() {
    String lead = aLeadAskingForADemo("Spam", "Nobody Inc", "DE");
    ProcessInstance journey = journeyOf(engine, lead);
    ProcessInstance handoff = routed(lead);

    engine.getTaskService().complete(followUp(handoff).getId(), Map.of("outcome", "DISQUALIFIED", "disqualifiedBecause", "NOT_A_LEAD"));

    assertThat(handoff).hasPassed(SalesHandoffProcess.Elements.END_DISQUALIFIED).isEnded();
    assertThat(leads.find(lead).orElseThrow().getStatus().name()).isEqualTo("DISQUALIFIED");
    assertThat(journey).hasPassed(LeadNurturingProcess.Elements.END_DISQUALIFIED_BY_SALES).isEnded();
  }

  @Test
  void aFollowUpNotWorkedByItsDueTimeIsEscalatedToTheManagersAndLaterGoesBackToTheWholeTeam() throws Exception {
    String lead = aLeadAskingForADemo("Eli", "Slow Response AG", "DE");
    ProcessInstance handoff = routed(lead);
    Task followUp = followUp(handoff);
    int emailsBefore = smtp.getReceivedMessages().length;

    Job due = timer(engine, handoff, SalesHandoffProcess.Elements.FOLLOW_UP_DUE);
    ClockUtil.setCurrentTime(due.getDuedate());
    execute(due);
    execute(job(SalesHandoffProcess.Elements.NOTIFY_MANAGERS, handoff));

    assertThat(smtp.getReceivedMessages()).hasSize(emailsBefore + 1);
    assertThat(smtp.getReceivedMessages()[emailsBefore].getSubject()).isEqualTo("Not picked up in time: Eli Tester (Slow Response AG)");
    assertThat(smtp.getReceivedMessages()[emailsBefore].getAllRecipients()[0].toString()).isEqualTo("max@leadflow.example");
    Task escalation = engine.getTaskService().createTaskQuery().processInstanceId(handoff.getId())
        .taskDefinitionKey(SalesHandoffProcess.Elements.LEAD_NOT_PICKED_UP).singleResult();
    assertThat(escalation.getName()).isEqualTo("Lead not picked up: Eli Tester");
    assertThat(engine.getTaskService().createTaskQuery().taskId(escalation.getId()).taskCandidateGroup("managers").count()).isEqualTo(1);
    assertThat(engine.getTaskService().createTaskQuery().taskId(followUp.getId()).count()).as("the follow-up stays open").isEqualTo(1);

    Job untouched = timer(engine, handoff, SalesHandoffProcess.Elements.STILL_UNTOUCHED);
    ClockUtil.setCurrentTime(untouched.getDuedate());
    execute(untouched);

    assertThat(engine.getTaskService().createTaskQuery().taskId(followUp.getId()).singleResult().getAssignee())
        .as("back with the whole team").isNull();
  }

  @Test
  void theServerChecksTheFormsRequiredFieldsAgain() {
    String lead = aLeadAskingForADemo("Ned", "Careless Ltd", "DE");
    Task followUp = followUp(routed(lead));

    assertThatThrownBy(() -> engine.getTaskService().complete(followUp.getId(), Map.of()))
        .hasMessageContaining("Choose an outcome");
    assertThatThrownBy(() -> engine.getTaskService().complete(followUp.getId(), Map.of("outcome", "DISQUALIFIED")))
        .hasMessageContaining("why the lead is disqualified");
    assertThatThrownBy(() -> engine.getTaskService().complete(followUp.getId(), Map.of("outcome", "NOT_READY")))
        .hasMessageContaining("why the lead is not ready");
    assertThat(engine.getTaskService().createTaskQuery().taskId(followUp.getId()).count()).as("still open").isEqualTo(1);
  }

  private String aLeadAskingForADemo(String firstName, String company, String country) {
    String lastName = Map.of("Grace", "Hopper", "Alan", "Turing").getOrDefault(firstName, "Tester");
    Api.Response captured = marketing.postJson("/api/leads", """
        {"email": "%s.%s@example.com", "firstName": "%s", "lastName": "%s", "company": "%s", "companySize": 400,
         "industry": "Software", "jobTitle": "CTO", "country": "%s"}"""
        .formatted(firstName.toLowerCase(), UUID.randomUUID().toString().substring(0, 8), firstName, lastName, company, country));
    String lead = captured.json().get("id").asText();
    welcomed(engine, lead);
    assertThat(marketing.postJson("/api/interactions", "{\"leadId\": \"%s\", \"type\": \"DEMO_REQUEST\"}".formatted(lead)).status())
        .isEqualTo(201);
    return lead;
  }

  private ProcessInstance routed(String lead) {
    ProcessInstance handoff = running(engine, SalesHandoffProcess.KEY, lead);
    assertThat(handoff).as("the journey hands the lead over, under its id").isNotNull();
    execute(job(SalesHandoffProcess.Elements.ROUTE_TO_SALES, handoff));
    return handoff;
  }

  private Task followUp(ProcessInstance handoff) {
    return engine.getTaskService().createTaskQuery().processInstanceId(handoff.getId()).singleResult();
  }

  private void startTheCrm() throws IOException {
    crm = HttpServer.create(new InetSocketAddress("localhost", Integer.getInteger("leadflow.test.crm-port", 3099)), 0);
    crm.createContext("/crm/leads", exchange -> {
      crmReceived.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      exchange.sendResponseHeaders(201, -1);
      exchange.close();
    });
    crm.start();
  }
}
