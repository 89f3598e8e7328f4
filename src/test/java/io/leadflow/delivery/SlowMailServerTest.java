package io.leadflow.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadflow.Api;
import io.leadflow.LeadflowTest;
import io.leadflow.TestSmtp;
import io.leadflow.content.ContentItem;
import io.leadflow.content.ContentItemRepository;
import io.leadflow.journey.LeadNurturingProcess;
import io.leadflow.lead.Lead;
import io.leadflow.lead.Leads;
import java.time.Duration;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 17, case 2: a mail server that takes 40 seconds to answer the end of each message
 * received the same email five times, because JavaMail gave up after 30 seconds, the delivery was
 * marked FAILED ("not sent") and the job sent it again. Here the server is a small SMTP server
 * in the test that stalls its end-of-data reply, and the timeouts are short ones (properties),
 * in the same proportion as the real ones: commands answered within the command timeout, the
 * end of the message later than that.
 */
@LeadflowTest
class SlowMailServerTest {

  static final Duration COMMAND = DeliveryToTestServer.COMMAND;

  @LocalServerPort int port;
  @Autowired AutowireCapableBeanFactory beans;
  @Autowired Leads leads;
  @Autowired ContentItemRepository contents;
  @Autowired ProcessEngine engine;

  DeliveryFixture fixture;
  DeliveryToTestServer testServer;

  @BeforeEach
  void setUp() {
    fixture = new DeliveryFixture(Api.at(port).as("mia", "demo"), leads, contents);
    testServer = beans.createBean(DeliveryToTestServer.class);
  }

  @AfterEach
  void closeConnections() {
    testServer.close();
  }

  /** The context's kind of sender (pooled, StagedSmtpTransport), with the given end-of-data timeout, to {@code server}. */
  ContentDelivery deliveryTo(StallingSmtpServer server, Duration endOfData) {
    return testServer.to(server, endOfData);
  }

  @Test
  void aServerThatAnswersTheEndOfTheMessageLateButWithinTheTimeoutGetsTheEmailOnce() throws Exception {
    Lead lead = fixture.lead("Sue", "Slow Relay Ltd");
    ContentItem guide = fixture.guide();
    String key = DeliveryFixture.key();
    // later than any command may take, within the end-of-data timeout: the 40 s against 10 min
    try (StallingSmtpServer slow = new StallingSmtpServer(0, COMMAND.plusSeconds(1))) {
      ContentDelivery delivery = deliveryTo(slow, Duration.ofSeconds(10));

      Delivery sent = delivery.send(lead, guide, key);
      Delivery again = delivery.send(lead, guide, key);

      assertThat(sent.getStatus()).isEqualTo(DeliveryStatus.SENT);
      assertThat(sent.getAttempts()).isEqualTo(1);
      assertThat(again.getId()).isEqualTo(sent.getId());
      assertThat(slow.messages()).hasSize(1);
      assertThat(slow.connections()).isEqualTo(1);
    }
  }

  @Test
  void noAnswerAfterTheMessageWasHandedOverIsOutcomeUnknown_notFailed_andTheSameKeyNeverSendsItAgain() throws Exception {
    Lead lead = fixture.lead("Uma", "Unknown Outcome AG");
    ContentItem guide = fixture.guide();
    String key = DeliveryFixture.key();
    try (StallingSmtpServer silent = new StallingSmtpServer(0, null)) {
      ContentDelivery delivery = deliveryTo(silent, Duration.ofSeconds(1));

      assertThatThrownBy(() -> delivery.send(lead, guide, key))
          .isInstanceOf(DeliveryOutcomeUnknown.class)
          .hasMessageContaining("it may have been delivered, so it is not sent again");
      Delivery unknown = delivery.find(key).orElseThrow();
      assertThat(unknown.getStatus()).isEqualTo(DeliveryStatus.UNKNOWN);
      assertThat(unknown.getAttempts()).isEqualTo(1);
      assertThat(unknown.getMessageId()).isEqualTo("<" + unknown.getId() + "@leadflow.example>");
      assertThat(unknown.getLastError()).contains("did not answer in time");
      assertThat(silent.messages()).as("delivered, as far as the server is concerned").hasSize(1);

      // what the job's retry (or "Retry" in Cockpit) does: the same key again
      for (int retry = 1; retry <= 5; retry++) {
        assertThatThrownBy(() -> delivery.send(lead, guide, key)).isInstanceOf(DeliveryOutcomeUnknown.class);
      }
      assertThat(silent.connections()).as("never contacted again").isEqualTo(1);
      assertThat(silent.messages()).hasSize(1);
      assertThat(delivery.find(key).orElseThrow().getAttempts()).isEqualTo(1);
    }
  }

  @Test
  void aServerThatCannotBeReachedIsStillACleanFailure_thatIsTriedAgain() throws Exception {
    // nobody listens: nothing was handed over
    Lead lead = fixture.lead("Flo", "Refused GmbH");
    ContentItem guide = fixture.guide();
    String key = DeliveryFixture.key();
    StallingSmtpServer gone = new StallingSmtpServer(0, null);
    ContentDelivery delivery = deliveryTo(gone, Duration.ofSeconds(1));
    gone.close();

    assertThatThrownBy(() -> delivery.send(lead, guide, key)).isInstanceOf(DeliveryFailed.class);
    assertThat(delivery.find(key).orElseThrow().getStatus()).isEqualTo(DeliveryStatus.FAILED);
  }

  @Test
  void theJourneysSendWithAnUnknownOutcomeBecomesAnIncidentAtOnce_withoutRetries() throws Exception {
    Lead lead = fixture.lead("Ivo", "Incident Inc");
    ProcessInstance journey = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(LeadNurturingProcess.KEY).processInstanceBusinessKey(lead.getId()).singleResult();
    ManagementService management = engine.getManagementService();
    management.executeJob(job(journey, LeadNurturingProcess.Elements.START).getId());
    // the context's own sender: the test profile's timeouts (leadflow.mail.timeouts.end-of-data PT3S)
    try (StallingSmtpServer silent = new StallingSmtpServer(TestSmtp.SMTP.getPort(), null)) {
      Job welcome = job(journey, LeadNurturingProcess.Elements.SEND_WELCOME);

      assertThatThrownBy(() -> management.executeJob(welcome.getId())).hasStackTraceContaining(DeliveryOutcomeUnknown.class.getName());

      Job failed = management.createJobQuery().jobId(welcome.getId()).singleResult();
      assertThat(failed.getRetries()).as("not retried").isZero();
      Incident incident = engine.getRuntimeService().createIncidentQuery().configuration(failed.getId())
          .processInstanceId(journey.getId()).singleResult();
      assertThat(incident.getIncidentMessage()).contains("may have been delivered, so it is not sent again");
      assertThat(silent.messages()).hasSize(1);
    }
  }

  private Job job(ProcessInstance journey, String activityId) {
    return engine.getManagementService().createJobQuery().processInstanceId(journey.getId()).activityId(activityId)
        .singleResult();
  }
}
