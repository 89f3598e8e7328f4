package io.leadflow.browser;

import static io.leadflow.journey.Journeys.running;
import static io.leadflow.journey.Journeys.welcomed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.leadflow.TestSmtp;
import io.leadflow.Api;
import io.leadflow.LeadflowTest;
import io.leadflow.lead.Leads;
import io.leadflow.sales.SalesHandoffProcess;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The hand-off as a salesperson lives it, in a real browser: a lead asks for a demo, its follow-up
 * waits for the team in Tasklist, a rep of the team claims it from "My team's leads", reads the
 * lead on the form, and sends it back to nurturing; the lead is nurtured again.
 */
@LeadflowTest
class FollowUpInTasklistTest {

  @RegisterExtension static final HeadlessChromium browser = new HeadlessChromium();

  /** The journey welcomes the lead before it can qualify. */
  @RegisterExtension static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SMTP);

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired Leads leads;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
  }

  @Test
  void aRepClaimsTheFollowUpInTheTeamFilterReadsTheLeadAndSendsItBackToNurturing() {
    String lead = aLeadOfSalesEuropeAskingForADemo();
    ProcessInstance handoff = running(engine, SalesHandoffProcess.KEY, lead);
    execute(job(SalesHandoffProcess.Elements.ROUTE_TO_SALES, handoff));
    Task followUp = engine.getTaskService().createTaskQuery().processInstanceId(handoff.getId()).singleResult();
    // nobody picked it up in time: it is back with the whole team
    engine.getTaskService().setAssignee(followUp.getId(), null);

    TasklistPage tasklist = new TasklistPage(browser, "http://localhost:" + port)
        .login("sam", "demo")
        .openFilter("My team's leads")
        .openTask("Follow up Ada Lovelace (Analytical Engines)")
        .claim();
    assertThat(tasklist.valueOf("Lead")).isEqualTo("Ada Lovelace");
    assertThat(tasklist.valueOf("Company")).isEqualTo("Analytical Engines");
    assertThat(tasklist.valueOf("Why it qualified")).startsWith("Sales-qualified");
    assertThat(tasklist.valueOf("Last interactions")).contains("DEMO_REQUEST");
    tasklist.select("Outcome", "Not ready: back to nurturing")
        .fill("Why (required when not ready)", "Budget is only approved next quarter");
    tasklist.screenshot("follow-up-not-ready");
    tasklist.complete();

    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(followUp.getId()).singleResult())
        .satisfies(done -> {
          assertThat(done.getEndTime()).as("completed").isNotNull();
          assertThat(done.getAssignee()).isEqualTo("sam");
        });
    assertThat(leads.find(lead).orElseThrow().getStatus().name()).as("nurtured again").isEqualTo("NURTURING");
  }

  private String aLeadOfSalesEuropeAskingForADemo() {
    Api marketing = Api.at(port).as("mia", "demo");
    String lead = marketing.postJson("/api/leads", """
        {"email": "ada.%s@analytical-engines.example", "firstName": "Ada", "lastName": "Lovelace",
         "company": "Analytical Engines", "companySize": 250, "industry": "Manufacturing",
         "jobTitle": "Head of Operations", "country": "GB"}""".formatted(UUID.randomUUID().toString().substring(0, 8)))
        .json().get("id").asText();
    welcomed(engine, lead);
    marketing.postJson("/api/interactions", "{\"leadId\": \"%s\", \"type\": \"DEMO_REQUEST\"}".formatted(lead));
    return lead;
  }
}
