package io.leadflow.journey;

import static io.leadflow.journey.Journeys.journeyOf;
import static io.leadflow.journey.Journeys.running;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.leadflow.Api;
import io.leadflow.LeadflowTest;
import io.leadflow.TestSmtp;
import io.leadflow.journey.LeadNurturingProcess.Elements;
import io.leadflow.sales.SalesHandoffProcess;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Double opt-in end to end, with the mail server: the test profile turns it on for the consent
 * source "double opt-in test form" only. A lead captured from it gets one confirmation request and
 * nothing else; confirming through the email's link starts nurturing (the welcome follows). One that
 * never confirms is reminded once, then expires from nurturing, and still reaches sales when it asks.
 */
@LeadflowTest
class DoubleOptInTest {

  @RegisterExtension static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SMTP);

  private static final Pattern CONFIRM_LINK = Pattern.compile("https://leadflow\\.test(/t/k/[A-Za-z0-9._-]+)");

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

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
  void aLeadFromTheFormGetsOnlyTheConfirmationRequestAndIsWelcomedOnceItConfirmsThroughTheLink() throws Exception {
    String address = "dora." + UUID.randomUUID() + "@example.com";
    String lead = captured(address, "Dora");
    ProcessInstance journey = journeyOf(engine, lead);

    execute(job(Elements.START, journey));

    assertThat(journey).isWaitingAt(Elements.WAIT_FOR_OPT_IN).hasNotPassed(Elements.SEND_WELCOME);
    List<MimeMessage> received = emailsTo(address, 1);
    assertThat(received).hasSize(1);
    assertThat(received.get(0).getSubject()).isEqualTo("Dora, please confirm that you want our emails");
    String confirm = confirmLinkIn(received.get(0));
    Api person = Api.at(port).from(Api.someClientAddress());
    Api.Response page = person.get(confirm);
    assertThat(page.body()).as("a GET confirms nothing").contains("Confirm your subscription", "id=\"confirm\"");
    assertThat(optInOf(lead).hasNonNull("confirmedAt")).isFalse();

    Api.Response confirmed = person.post(confirm, "application/x-www-form-urlencoded", "");

    assertThat(confirmed.status()).isEqualTo(200);
    assertThat(confirmed.body()).contains("You are subscribed");
    assertThat(optInOf(lead).hasNonNull("confirmedAt")).isTrue();
    JsonNode consents = marketing.get("/api/leads/" + lead + "/personal-data").json().get("consents");
    assertThat(consents.get(consents.size() - 1).get("channel").asText()).isEqualTo("CONFIRMATION_LINK");
    assertThat(journey).hasPassed(Elements.OPT_IN_CONFIRMED).isWaitingAt(Elements.SEND_WELCOME);
    execute(job(Elements.SEND_WELCOME, journey));
    assertThat(emailsTo(address, 2)).as("the welcome follows the confirmation").hasSize(2);
    assertThat(person.post(confirm, "application/x-www-form-urlencoded", "").body()).as("twice: nothing more")
        .contains("You are subscribed");
  }

  @Test
  void aLeadThatNeverConfirmsIsRemindedOnceThenExpiresFromNurturingAndStillReachesSalesWhenItAsks() throws Exception {
    String address = "exa." + UUID.randomUUID() + "@example.com";
    String lead = captured(address, "Exa");
    ProcessInstance journey = journeyOf(engine, lead);
    execute(job(Elements.START, journey));
    assertThat(emailsTo(address, 1)).hasSize(1);

    due(job(Elements.OPT_IN_OVERDUE, journey), Duration.ofDays(3));
    assertThat(journey).hasPassed(Elements.SEND_OPT_IN_REMINDER).isWaitingAt(Elements.WAIT_FOR_OPT_IN);
    List<MimeMessage> reminded = emailsTo(address, 2);
    assertThat(reminded).as("the request and one reminder").hasSize(2);

    due(job(Elements.OPT_IN_OVERDUE, journey), Duration.ofDays(7));

    assertThat(journey).hasPassed(Elements.EXPIRE_UNCONFIRMED, Elements.END_OPT_IN_EXPIRED).isEnded();
    assertThat(optInOf(lead).hasNonNull("expiredAt")).isTrue();
    assertThat(emailsTo(address, 2)).as("nothing else was sent").hasSize(2);
    assertThat(Api.at(port).from(Api.someClientAddress()).post(confirmLinkIn(reminded.get(1)),
        "application/x-www-form-urlencoded", "").body()).contains("Nothing to confirm");

    marketing.postJson("/api/interactions", "{\"leadId\": \"%s\", \"type\": \"DEMO_REQUEST\"}".formatted(lead));

    assertThat(marketing.get("/api/leads/" + lead).json().get("status").asText()).isEqualTo("SALES_QUALIFIED");
    assertThat(running(engine, SalesHandoffProcess.KEY, lead)).as("sales has it").isNotNull();
  }

  private String captured(String address, String firstName) {
    Api.Response captured = marketing.postJson("/api/leads", """
        {"email": "%s", "firstName": "%s", "company": "Opt-in Ltd",
         "consent": {"given": true, "source": "double opt-in test form", "text": "newsletter-v3"}}"""
        .formatted(address, firstName));
    assertThat(captured.status()).as(captured.toString()).isEqualTo(201);
    assertThat(captured.json().hasNonNull("optIn")).as("double opt-in applies").isTrue();
    return captured.json().get("id").asText();
  }

  private JsonNode optInOf(String lead) {
    return marketing.get("/api/leads/" + lead).json().get("optIn");
  }

  /** The clock moves past the timer (its due time, at least {@code atLeast} from now) and it fires. */
  private static void due(Job timer, Duration atLeast) {
    Instant due = timer.getDuedate().toInstant();
    assertThat(due).isAfterOrEqualTo(ClockUtil.getCurrentTime().toInstant().plus(atLeast).minusSeconds(5));
    ClockUtil.setCurrentTime(Date.from(due.plusSeconds(1)));
    execute(timer);
  }

  private List<MimeMessage> emailsTo(String address, int atLeast) throws InterruptedException {
    smtp.waitForIncomingEmail(5000, atLeast);
    return List.of(smtp.getReceivedMessagesForDomain(address));
  }

  private static String confirmLinkIn(MimeMessage email) {
    Matcher matcher = CONFIRM_LINK.matcher(GreenMailUtil.getWholeMessage(email));
    assertThat(matcher.find()).as("the email has the confirmation link").isTrue();
    return matcher.group(1);
  }
}
