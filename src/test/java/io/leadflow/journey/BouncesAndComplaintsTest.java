package io.leadflow.journey;

import static io.leadflow.journey.Journeys.welcomed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.leadflow.Api;
import io.leadflow.LeadflowTest;
import io.leadflow.TestSmtp;
import io.leadflow.content.ContentCatalogue;
import io.leadflow.delivery.ContentDelivery;
import io.leadflow.delivery.RecipientSuppressed;
import io.leadflow.lead.Leads;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 12, case 5: bounces in the words of real senders, and spam complaints. A permanent bounce
 * or a complaint puts the address on the suppression list, ends the journey at its end event and
 * shows on the lead; transient bounces count only when they repeat.
 */
@LeadflowTest
class BouncesAndComplaintsTest {

  @RegisterExtension static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SMTP);

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired Leads leads;
  @Autowired ContentDelivery deliveries;
  @Autowired ContentCatalogue catalogue;

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

  @ParameterizedTest(name = "bounceType {0} ({1})")
  @CsvSource({
      "Permanent, Amazon SES",
      "hard, the contract's own word",
      "5.1.1, an RFC 3464 DSN status: no such user",
      "'smtp; 550 5.1.1 user unknown', a diagnostic code with a DSN status in it",
      "bounce, SendGrid's bounce event"})
  void aPermanentBounceInAnySendersWordsSuppressesTheAddressAndEndsTheJourney(String bounceType, String sender) {
    String lead = aLead("Perm");
    ProcessInstance journey = welcomed(engine, lead);

    Api.Response answer = interaction(lead, "EMAIL_BOUNCE", "{\"bounceType\": \"" + bounceType + "\"}");

    assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
    assertThat(answer.json().get("points").asInt()).isEqualTo(-10);
    assertThat(journey).hasPassed(LeadNurturingProcess.Elements.END_EMAIL_UNDELIVERABLE).isEnded();
    JsonNode view = marketing.get("/api/leads/" + lead).json();
    assertThat(view.get("emailable").asBoolean()).isFalse();
    assertThat(view.get("notEmailableReason").asText()).isEqualTo("HARD_BOUNCE");
    assertThat(view.get("status").asText()).as("email is not a status").isEqualTo("NURTURING");
    assertThatThrownBy(() -> deliveries.send(leads.find(lead).orElseThrow(), catalogue.welcomeFor(
        leads.find(lead).orElseThrow()).orElseThrow(), "after-the-bounce-" + lead))
        .isInstanceOf(RecipientSuppressed.class).hasMessageContaining("suppression list (HARD_BOUNCE)");
  }

  @Test
  void aComplaintSuppressesTheAddressEndsTheJourneyAndShowsOnTheLead() {
    String lead = aLead("Spam");
    ProcessInstance journey = welcomed(engine, lead);

    Api.Response answer = interaction(lead, "EMAIL_COMPLAINT", "{\"feedbackType\": \"abuse\"}");

    assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
    assertThat(answer.json().get("points").asInt()).isEqualTo(-30);
    assertThat(journey).hasPassed(LeadNurturingProcess.Elements.END_EMAIL_UNDELIVERABLE).isEnded();
    JsonNode view = marketing.get("/api/leads/" + lead).json();
    assertThat(view.get("emailable").asBoolean()).isFalse();
    assertThat(view.get("notEmailableReason").asText()).isEqualTo("COMPLAINT");
    assertThat(marketing.get("/api/leads/" + lead + "/score").json().get("entries").findValuesAsText("rule"))
        .contains("Rule_EmailComplaint");
  }

  @Test
  void threeTransientBouncesInARowCountAsAPermanentOne() {
    String lead = aLead("Soft");
    ProcessInstance journey = welcomed(engine, lead);

    interaction(lead, "EMAIL_BOUNCE", "{\"bounceType\": \"Transient\"}");
    interaction(lead, "EMAIL_BOUNCE", "{\"bounceType\": \"4.2.2\"}");
    assertThat(journey).as("two in a row: a full mailbox may empty").isWaitingAt(LeadNurturingProcess.Elements.WAIT_FOR_NEXT_SEND);
    assertThat(marketing.get("/api/leads/" + lead).json().get("emailable").asBoolean()).isTrue();

    interaction(lead, "EMAIL_BOUNCE", "{\"bounceType\": \"soft\"}");

    assertThat(journey).hasPassed(LeadNurturingProcess.Elements.END_EMAIL_UNDELIVERABLE).isEnded();
    assertThat(marketing.get("/api/leads/" + lead).json().get("notEmailableReason").asText()).isEqualTo("HARD_BOUNCE");
  }

  @Test
  void anEmailThatReachedThePersonBetweenTransientBouncesStartsTheCountAgain() {
    String lead = aLead("Again");
    ProcessInstance journey = welcomed(engine, lead);

    interaction(lead, "EMAIL_BOUNCE", "{\"bounceType\": \"Transient\"}");
    interaction(lead, "EMAIL_BOUNCE", "{\"bounceType\": \"Transient\"}");
    interaction(lead, "EMAIL_CLICK", "{\"url\": \"https://example.com/guide\"}");
    interaction(lead, "EMAIL_BOUNCE", "{\"bounceType\": \"Transient\"}");

    assertThat(journey).isWaitingAt(LeadNurturingProcess.Elements.WAIT_FOR_NEXT_SEND);
    assertThat(marketing.get("/api/leads/" + lead).json().get("emailable").asBoolean()).isTrue();
  }

  private Api.Response interaction(String lead, String type, String details) {
    return marketing.postJson("/api/interactions",
        "{\"leadId\": \"%s\", \"type\": \"%s\", \"details\": %s}".formatted(lead, type, details));
  }

  private String aLead(String firstName) {
    Api.Response response = marketing.postJson("/api/leads", """
        {"email": "%s.%s@example.com", "firstName": "%s", "company": "Bounce Test Ltd", "companySize": 20,
         "industry": "Education", "jobTitle": "Analyst", "country": "DE", "consent": {"given": true}}"""
        .formatted(firstName.toLowerCase(), UUID.randomUUID().toString().substring(0, 8), firstName));
    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    return response.json().get("id").asText();
  }
}
