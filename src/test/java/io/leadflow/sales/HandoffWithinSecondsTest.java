package io.leadflow.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.leadflow.Api;
import io.leadflow.journey.LeadNurturingProcess;
import java.time.Duration;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Speed to lead with the job executor's real timing and the mail server down: a demo request is
 * in the right team's Tasklist within 10 seconds, while the lead's welcome keeps failing; the
 * hand-off starts from the lead change relay's background threads, after intake answered. Runs on
 * a database of its own (so the job executor touches no other test's jobs) and closes its
 * application afterwards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.job-execution.enabled=true",
    // the engine learns of lead changes from background relay threads, as in production
    "leadflow.lead-changes.relay=background",
    "spring.datasource.url=jdbc:h2:mem:leadflow-real-timing;DB_CLOSE_DELAY=-1",
    // an engine name of its own: closing this application must not unregister the other tests' "default" engine
    "camunda.bpm.process-engine-name=realTiming",
    // nor its webapps the static hooks the other tests' Tasklist, Cockpit and Admin use
    "camunda.bpm.webapp.enabled=false",
    // nothing listens there: every send fails as with SMTP down
    "spring.mail.port=2",
    "spring.mail.properties[mail.smtp.connectiontimeout]=1000"})
@ActiveProfiles("test")
@DirtiesContext
class HandoffWithinSecondsTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  @Test
  void withTheMailServerDownADemoRequestIsInTheRightTeamsTasklistWithinTenSeconds() {
    Api marketing = Api.at(port).as("mia", "demo");
    Api.Response captured = marketing.postJson("/api/leads", """
        {"email": "speed.%s@example.com", "firstName": "Speedy", "lastName": "Lead", "company": "Fast Track Inc",
         "companySize": 300, "industry": "Software", "country": "US"}""".formatted(UUID.randomUUID()));
    String lead = captured.json().get("id").asText();
    await("the welcome failing against the mail server").atMost(Duration.ofSeconds(30))
        .until(() -> welcomeFailures(lead) > 0);

    long asked = System.nanoTime();
    assertThat(marketing.postJson("/api/interactions", "{\"leadId\": \"%s\", \"type\": \"DEMO_REQUEST\"}".formatted(lead))
        .status()).isEqualTo(201);

    Task followUp = await("the follow-up in Tasklist").atMost(Duration.ofSeconds(10))
        .until(() -> followUp(lead), task -> task != null);
    assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(Duration.ofSeconds(10));
    assertThat(engine.getTaskService().createTaskQuery().taskId(followUp.getId()).taskCandidateGroup("salesAmericas").includeAssignedTasks().count())
        .as("routed to the team of its region").isEqualTo(1);
  }

  private long welcomeFailures(String lead) {
    var journey = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(LeadNurturingProcess.KEY)
        .processInstanceBusinessKey(lead).singleResult();
    return journey == null ? 0 : engine.getManagementService().createJobQuery().processInstanceId(journey.getId())
        .activityId(LeadNurturingProcess.Elements.SEND_WELCOME).withException().count();
  }

  private Task followUp(String lead) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(lead)
        .processDefinitionKey(SalesHandoffProcess.KEY).taskDefinitionKey(SalesHandoffProcess.Elements.FOLLOW_UP)
        .singleResult();
  }
}
