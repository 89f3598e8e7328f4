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
import io.leadflow.Api;
import io.leadflow.LeadflowTest;
import io.leadflow.delivery.ContentDelivery;
import io.leadflow.journey.LeadNurturingProcess;
import io.leadflow.lead.Leads;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
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

/** Anyone may decide to simply phone a lead, from Tasklist or through the API. */
@LeadflowTest
class PhoneALeadTest {

  @RegisterExtension static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SMTP);

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired Leads leads;
  @Autowired ContentDelivery deliveries;

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
  void aCallRequestedThroughTheApiGoesToTheLeadsTeamAndTheJourneySendsNothingMeanwhile() {
    String lead = aNurturedLead("DE");
    ProcessInstance journey = journeyOf(engine, lead);
    int sentBefore = deliveries.sentContentIds(lead).size();

    Api.Response response = marketing.postJson("/api/leads/" + lead + "/call-requests", "{\"reason\": \"Met her at the trade show\"}");

    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    assertThat(response.json().get("team").asText()).isEqualTo("salesEurope");
    ProcessInstance call = running(engine, PhoneALeadProcess.KEY, lead);
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(call.getId()).singleResult();
    assertThat(task.getName()).startsWith("Call Cal Tester (");
    assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).taskCandidateGroup("salesEurope")
        .includeAssignedTasks().count()).isEqualTo(1);

    Job due = timer(engine, journey, LeadNurturingProcess.Elements.NEXT_SEND_DUE);
    ClockUtil.setCurrentTime(due.getDuedate());
    execute(due);

    assertThat(deliveries.sentContentIds(lead)).as("nothing is sent while a call is open").hasSize(sentBefore);
    assertThat(journey).isWaitingAt(LeadNurturingProcess.Elements.WAIT_FOR_NEXT_SEND).variables().containsEntry(LeadNurturingProcess.Variables.STAGE, "TOFU");
  }

  @Test
  void aRepStartsPhoneALeadFromTasklistWithTheLeadsEmailAndAQualifiedCallGoesStraightToSales() {
    String email = "cal." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    String lead = aNurturedLead("GB", email);
    String definition = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(PhoneALeadProcess.KEY)
        .latestVersion().singleResult().getId();

    ProcessInstance call = engine.getFormService().submitStartForm(definition,
        Map.of("leadEmail", email.toUpperCase(), "reason", "Asked about pricing on the phone"));

    assertThat(call.getBusinessKey()).as("findable by the lead's id").isEqualTo(lead);
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(call.getId()).singleResult();
    engine.getTaskService().complete(task.getId(), Map.of("callOutcome", "QUALIFIED", "callNotes", "Wants an offer"));

    assertThat(call).hasPassed(PhoneALeadProcess.Elements.END_QUALIFIED_BY_PHONE).isEnded();
    assertThat(leads.find(lead).orElseThrow().getStatus().name()).isEqualTo("SALES_QUALIFIED");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(SalesHandoffProcess.KEY)
        .processInstanceBusinessKey(lead).count()).as("straight to the follow-up, whatever the score").isEqualTo(1);
  }

  @Test
  void aStartWithAnEmailNoLeadHasIsRefused() {
    String definition = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(PhoneALeadProcess.KEY)
        .latestVersion().singleResult().getId();

    assertThatThrownBy(() -> engine.getFormService().submitStartForm(definition,
        Map.of("leadEmail", "nobody@nowhere.example", "reason", "?")))
        .hasMessageContaining("No lead with email nobody@nowhere.example");
  }

  @Test
  void aLeadThatDoesNotAnswerIsCalledAgainAtTheChosenTimeAtMostThreeTimes() {
    String lead = aNurturedLead("DE");
    marketing.postJson("/api/leads/" + lead + "/call-requests", "{\"reason\": \"Downloaded three whitepapers\"}");
    ProcessInstance call = running(engine, PhoneALeadProcess.KEY, lead);

    for (int attempt = 1; attempt <= 3; attempt++) {
      Task task = engine.getTaskService().createTaskQuery().processInstanceId(call.getId()).singleResult();
      assertThat(((Number) engine.getTaskService().getVariable(task.getId(), "callAttempt")).intValue()).isEqualTo(attempt);
      Instant tomorrow = ClockUtil.now().toInstant().plus(Duration.ofDays(1));
      engine.getTaskService().complete(task.getId(), Map.of("callOutcome", "CALL_AGAIN", "callAgainAt", tomorrow.toString()));
      if (attempt < 3) {
        Job again = timer(engine, call, PhoneALeadProcess.Elements.CALL_AGAIN_AT);
        assertThat(again.getDuedate()).isEqualTo(Date.from(tomorrow));
        ClockUtil.setCurrentTime(again.getDuedate());
        execute(again);
      }
    }

    assertThat(call).hasPassed(PhoneALeadProcess.Elements.END_NO_ANSWER).isEnded();
  }

  @Test
  void aLeadNotInterestedIsNurturedOnOrDisqualifiedAsTheRepChooses() {
    String nurtured = aNurturedLead("DE");
    String disqualified = aNurturedLead("DE");
    ProcessInstance disqualifiedJourney = journeyOf(engine, disqualified);

    answer(nurtured, Map.of("callOutcome", "NOT_INTERESTED", "afterNotInterested", "NURTURE"));
    answer(disqualified, Map.of("callOutcome", "NOT_INTERESTED", "afterNotInterested", "DISQUALIFY"));

    assertThat(leads.find(nurtured).orElseThrow().getStatus().name()).isEqualTo("NURTURING");
    assertThat(journeyOf(engine, nurtured)).isWaitingAt(LeadNurturingProcess.Elements.WAIT_FOR_NEXT_SEND).variables().containsEntry(LeadNurturingProcess.Variables.STAGE, "TOFU");
    assertThat(leads.find(disqualified).orElseThrow().getStatus().name()).isEqualTo("DISQUALIFIED");
    assertThat(disqualifiedJourney).hasPassed(LeadNurturingProcess.Elements.END_DISQUALIFIED).isEnded();
  }

  @Test
  void aCallRequestNeedsAReasonAndAKnownLead() {
    String lead = aNurturedLead("DE");

    Api.Response noReason = marketing.postJson("/api/leads/" + lead + "/call-requests", "{}");
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.json().get("errors").findValuesAsText("field")).containsExactly("reason");
    assertThat(marketing.postJson("/api/leads/no-such-lead/call-requests", "{\"reason\": \"x\"}").status()).isEqualTo(404);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(PhoneALeadProcess.KEY)
        .processInstanceBusinessKey(lead).count()).isZero();
  }

  private void answer(String lead, Map<String, Object> outcome) {
    marketing.postJson("/api/leads/" + lead + "/call-requests", "{\"reason\": \"Quick check\"}");
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(running(engine, PhoneALeadProcess.KEY, lead).getId()).singleResult();
    engine.getTaskService().complete(task.getId(), outcome);
  }

  private String aNurturedLead(String country) {
    return aNurturedLead(country, "cal." + UUID.randomUUID().toString().substring(0, 8) + "@example.com");
  }

  private String aNurturedLead(String country, String email) {
    String lead = marketing.postJson("/api/leads", """
        {"email": "%s", "firstName": "Cal", "lastName": "Tester", "company": "Phone Test Ltd", "companySize": 30,
         "industry": "Education", "jobTitle": "Analyst", "country": "%s"}""".formatted(email, country))
        .json().get("id").asText();
    welcomed(engine, lead);
    return lead;
  }
}
