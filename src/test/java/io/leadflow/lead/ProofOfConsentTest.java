package io.leadflow.lead;

import static io.leadflow.journey.Journeys.welcomed;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.leadflow.Api;
import io.leadflow.LeadflowTest;
import io.leadflow.TestSmtp;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Proof of consent: every change of a lead's consent is a record (given or withdrawn, when, the
 * channel and source, the text agreed to, the IP address where known), wherever it changes: a
 * capture, an import, an unsubscribe from the email's link or reported by an integration. The
 * personal-data document lists them; an erasure keeps only what says nobody.
 */
@LeadflowTest
class ProofOfConsentTest {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SMTP);

  private static final Pattern UNSUBSCRIBE_PATH = Pattern.compile("https://leadflow\\.test(/t/u/[A-Za-z0-9._-]+)");

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired DataSource dataSource;

  Api marketing;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    marketing = Api.at(port).as("mia", "demo");
  }

  @Test
  void aCaptureRecordsTheConsentItStatesWithItsTextAndAddressAndTheSameCaptureAgainRecordsNothingNew() {
    String email = "olga." + UUID.randomUUID() + "@example.com";

    String lead = captured("""
        {"email": "%s", "firstName": "Olga",
         "consent": {"given": true, "at": "2026-11-02T09:15:00Z", "source": "landing page /pricing",
                     "text": "newsletter-v3: I want Leadflow's newsletter", "ip": "203.0.113.7"}}""".formatted(email));
    captured("""
        {"email": "%s", "consent": {"given": true, "at": "2026-11-02T09:15:00Z", "source": "landing page /pricing"}}"""
        .formatted(email));

    JsonNode consents = consentsOf(lead);
    assertThat(consents).as(consents.toString()).hasSize(1);
    JsonNode given = consents.get(0);
    assertThat(given.get("given").asBoolean()).isTrue();
    assertThat(given.get("at").asText()).isEqualTo("2026-11-02T09:15:00Z");
    assertThat(given.get("channel").asText()).isEqualTo("API");
    assertThat(given.get("source").asText()).isEqualTo("landing page /pricing");
    assertThat(given.get("wording").asText()).isEqualTo("newsletter-v3: I want Leadflow's newsletter");
    assertThat(given.get("ipAddress").asText()).isEqualTo("203.0.113.7");
    assertThat(given.get("recordedBy").asText()).isEqualTo("mia");
  }

  @Test
  void anImportThatRefusesConsentIsARecordOfItsOwn() {
    String email = "ivo." + UUID.randomUUID() + "@example.com";
    String lead = captured("{\"email\": \"%s\", \"consent\": {\"given\": true, \"source\": \"webinar\"}}".formatted(email));

    Api.Response imported = marketing.post("/api/leads/import", "text/csv",
        "email,consent.given,consent.source,consent text\n" + email + ",false,fair 2026,paper form v2\n");

    assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
    JsonNode consents = consentsOf(lead);
    assertThat(consents).hasSize(2);
    assertThat(consents.get(1).get("given").asBoolean()).isFalse();
    assertThat(consents.get(1).get("channel").asText()).isEqualTo("IMPORT");
    assertThat(consents.get(1).get("source").asText()).isEqualTo("fair 2026");
    assertThat(consents.get(1).get("wording").asText()).isEqualTo("paper form v2");
  }

  @Test
  void unsubscribingFromTheEmailsLinkWithdrawsConsentOnRecordOnce() throws Exception {
    String email = "uma." + UUID.randomUUID() + "@example.com";
    String lead = captured("{\"email\": \"%s\", \"firstName\": \"Uma\", \"consent\": {\"given\": true, \"source\": \"webinar\"}}"
        .formatted(email));
    welcomed(engine, lead);
    String unsubscribe = unsubscribePathOfTheEmailTo(email);

    Api person = Api.at(port).from(Api.someClientAddress());
    assertThat(person.post(unsubscribe, "application/x-www-form-urlencoded", "List-Unsubscribe=One-Click").status())
        .isEqualTo(200);
    person.post(unsubscribe, "application/x-www-form-urlencoded", "List-Unsubscribe=One-Click");

    JsonNode consents = consentsOf(lead);
    assertThat(consents).as(consents.toString()).hasSize(2);
    JsonNode withdrawn = consents.get(1);
    assertThat(withdrawn.get("given").asBoolean()).isFalse();
    assertThat(withdrawn.get("channel").asText()).isEqualTo("EMAIL_LINK");
    assertThat(withdrawn.get("source").asText()).startsWith("unsubscribe link of delivery ");
  }

  @Test
  void anUnsubscribeAnIntegrationReportsIsARecordTooAndAnErasureKeepsOnlyWhatSaysNobody() {
    String email = "ines." + UUID.randomUUID() + "@example.com";
    String lead = captured("""
        {"email": "%s", "consent": {"given": true, "source": "trade fair", "text": "events-v1", "ip": "2001:db8::7"}}"""
        .formatted(email));

    marketing.postJson("/api/interactions", """
        {"leadId": "%s", "type": "UNSUBSCRIBE", "details": {"channel": "crm"}}""".formatted(lead));

    JsonNode consents = consentsOf(lead);
    assertThat(consents).hasSize(2);
    assertThat(consents.get(1).get("given").asBoolean()).isFalse();
    assertThat(consents.get(1).get("channel").asText()).isEqualTo("INTERACTION");
    assertThat(consents.get(1).get("source").asText()).isEqualTo("crm");

    assertThat(marketing.delete("/api/leads/" + lead, "{\"reason\": \"asked by phone\"}").status()).isEqualTo(204);

    List<Map<String, Object>> kept = new JdbcTemplate(dataSource).queryForList(
        "select given, channel, source, wording, ip_address, recorded_by from consent_records where lead_id = ? order by changed_at",
        lead);
    assertThat(kept).hasSize(2);
    assertThat(kept).allSatisfy(row -> {
      assertThat(row.get("source")).isNull();
      assertThat(row.get("ip_address")).isNull();
      assertThat(row.get("recorded_by")).isNull();
    });
    assertThat(kept.get(0).get("wording")).as("the version agreed to says nobody").isEqualTo("events-v1");
  }

  private String captured(String json) {
    Api.Response captured = marketing.postJson("/api/leads", json);
    assertThat(captured.status()).as(captured.toString()).isIn(200, 201);
    return captured.json().get("id").asText();
  }

  private JsonNode consentsOf(String lead) {
    Api.Response document = marketing.get("/api/leads/" + lead + "/personal-data");
    assertThat(document.status()).as(document.toString()).isEqualTo(200);
    return document.json().get("consents");
  }

  private String unsubscribePathOfTheEmailTo(String email) throws Exception {
    assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();
    MimeMessage message = Arrays.stream(smtp.getReceivedMessagesForDomain(email)).reduce((a, b) -> b).orElseThrow();
    Matcher matcher = UNSUBSCRIBE_PATH.matcher(GreenMailUtil.getWholeMessage(message));
    assertThat(matcher.find()).as("the email has an unsubscribe link").isTrue();
    return matcher.group(1);
  }
}
