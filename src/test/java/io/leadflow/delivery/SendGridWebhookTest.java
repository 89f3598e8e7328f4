package io.leadflow.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.leadflow.Api;
import io.leadflow.LeadflowTest;
import io.leadflow.TestSmtp;
import io.leadflow.content.ContentItemRepository;
import io.leadflow.lead.Lead;
import io.leadflow.lead.Leads;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 12: SendGrid's signed Event Webhook ({@code POST /api/delivery-events/sendgrid}) maps its
 * bounces, drops, spam reports, opens and clicks onto interactions; an unsigned or wrongly signed
 * request is 401 and changes nothing.
 */
@LeadflowTest
class SendGridWebhookTest {

  @RegisterExtension static GreenMailExtension mailServer = new GreenMailExtension(TestSmtp.SMTP);

  /** The private half of the test key pair whose public half application-test.yml configures. */
  static final String PRIVATE_KEY = "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgb6uEnHHbAaoFxST7XHvWWKvsDEBSG4exciLWsNR9kWKhRANCAARfe8gAWNJFjIFsnEDdQRL0NfzaOz7Bkdk7yz8WkoAzafdm0GhNPeD5m79HMTMtOZU50MbV0yzQ9qIXkbUbmgVC";
  /** Another key pair's private half: what someone who is not SendGrid signs with. */
  static final String SOMEONE_ELSES_KEY = "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgCg8kSwPufjAwChPDrJRBkLE6idVTJBnFa3PpW6j5OqChRANCAARmCTaIDAjhUD7E8iTCDl5Veoxcoty+mdByHdrnxlpND+tSs0YQu8fGFDxDfvCKwN5KdJcynnCWqJ1Z+91TwkQA";
  static final String CHROME =
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36";
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @LocalServerPort int port;
  @Autowired ContentDelivery delivery;
  @Autowired Leads leads;
  @Autowired ContentItemRepository contents;

  Api marketing;
  DeliveryFixture given;
  Instant now;

  @BeforeEach
  void setUp() {
    now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    at(now);
    marketing = Api.at(port).as("mia", "demo");
    given = new DeliveryFixture(marketing, leads, contents);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aSignedHardBounceSuppressesTheAddressAndEndsTheEmails() throws Exception {
    Lead lead = given.lead("Bo", "Bounced Ltd");

    HttpResponse<String> answer = post(signed(PRIVATE_KEY, """
        [{"email": "%s", "timestamp": %d, "event": "bounce", "type": "bounce", "status": "5.1.1",
          "reason": "550 5.1.1 The email account that you tried to reach does not exist",
          "sg_event_id": "%s", "sg_message_id": "14c5d75ce93.dfd.64b469.filter0001.16648.5515E0B88.0"}]"""
        .formatted(lead.getEmail(), now.getEpochSecond(), UUID.randomUUID())));

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    JsonNode view = marketing.get("/api/leads/" + lead.getId()).json();
    assertThat(view.get("emailable").asBoolean()).isFalse();
    assertThat(view.get("notEmailableReason").asText()).isEqualTo("HARD_BOUNCE");
  }

  @Test
  void aSpamReportIsAComplaintAndABlockedBounceOnlyCounts() throws Exception {
    Lead complainer = given.lead("Cy", "Complainers Ltd");
    Lead blocked = given.lead("Di", "Blocked Ltd");

    HttpResponse<String> answer = post(signed(PRIVATE_KEY, """
        [{"email": "%s", "timestamp": %d, "event": "spamreport", "sg_event_id": "%s"},
         {"email": "%s", "timestamp": %d, "event": "bounce", "type": "blocked", "status": "4.0.0", "sg_event_id": "%s"},
         {"email": "%s", "timestamp": %d, "event": "delivered", "sg_event_id": "%s"}]"""
        .formatted(complainer.getEmail(), now.getEpochSecond(), UUID.randomUUID(),
            blocked.getEmail(), now.getEpochSecond(), UUID.randomUUID(),
            blocked.getEmail(), now.getEpochSecond(), UUID.randomUUID())));

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    JsonNode outcome = json(answer.body());
    assertThat(outcome.get("recorded").asInt()).isEqualTo(2);
    assertThat(outcome.get("ignored").asInt()).as("delivered: no interaction").isEqualTo(1);
    JsonNode complainerView = marketing.get("/api/leads/" + complainer.getId()).json();
    assertThat(complainerView.get("emailable").asBoolean()).isFalse();
    assertThat(complainerView.get("notEmailableReason").asText()).isEqualTo("COMPLAINT");
    assertThat(marketing.get("/api/leads/" + blocked.getId()).json().get("emailable").asBoolean())
        .as("one transient bounce only counts").isTrue();
  }

  @Test
  void opensAndClicksOfALeadflowDeliveryAreJudgedAndScoredAndARetryCountsOnce() throws Exception {
    Lead lead = given.lead("Ev", "Readers Ltd");
    Delivery sent = delivery.send(lead, given.guide(), DeliveryFixture.key());
    at(now.plus(Duration.ofMinutes(5)));
    String open = UUID.randomUUID().toString();
    String events = """
        [{"email": "%s", "timestamp": %d, "event": "open", "useragent": "%s", "deliveryId": "%s", "sg_event_id": "%s"},
         {"email": "%s", "timestamp": %d, "event": "click", "url": "https://example.com/guide", "useragent": "%s",
          "deliveryId": "%s", "sg_event_id": "%s"}]""".formatted(
        lead.getEmail(), now.plus(Duration.ofMinutes(5)).getEpochSecond(), CHROME, sent.getId(), open,
        lead.getEmail(), now.plus(Duration.ofMinutes(5)).getEpochSecond(), CHROME, sent.getId(), UUID.randomUUID());

    HttpResponse<String> first = post(signed(PRIVATE_KEY, events));
    HttpResponse<String> retried = post(signed(PRIVATE_KEY, events));

    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    assertThat(json(first.body()).get("recorded").asInt()).isEqualTo(2);
    assertThat(json(retried.body()).get("events").get(0).get("duplicate").asBoolean()).isTrue();
    JsonNode score = marketing.get("/api/leads/" + lead.getId() + "/score").json();
    assertThat(score.get("engagement").asInt()).as("the open (2) and the click (5), once").isEqualTo(7);
  }

  @Test
  void aWrongSignatureIs401AndChangesNothing() throws Exception {
    Lead lead = given.lead("Fa", "Forged Ltd");
    String body = """
        [{"email": "%s", "timestamp": %d, "event": "bounce", "type": "bounce", "sg_event_id": "%s"}]"""
        .formatted(lead.getEmail(), now.getEpochSecond(), UUID.randomUUID());

    Signed forged = signed(SOMEONE_ELSES_KEY, body);
    Signed tampered = new Signed(body.replace("\"bounce\", \"type\"", "\"spamreport\", \"type\""),
        signed(PRIVATE_KEY, body).timestamp(), signed(PRIVATE_KEY, body).signature());
    Signed unsigned = new Signed(body, String.valueOf(now.getEpochSecond()), null);
    Signed stale = signed(PRIVATE_KEY, body, now.minus(Duration.ofHours(1)));

    for (Signed request : new Signed[] {forged, tampered, unsigned, stale}) {
      HttpResponse<String> answer = post(request);
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(401);
      assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("problem+json"));
    }
    JsonNode view = marketing.get("/api/leads/" + lead.getId()).json();
    assertThat(view.get("emailable").asBoolean()).isTrue();
    assertThat(marketing.get("/api/leads/" + lead.getId() + "/score").json().get("engagement").asInt()).isZero();
  }

  @Test
  void aSignedBodyThatIsNotAnArrayOfEventsIs400NamingTheBody() throws Exception {
    HttpResponse<String> answer = post(signed(PRIVATE_KEY, "{\"event\": \"bounce\"}"));

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(json(answer.body()).get("errors").get(0).get("field").asText()).isEqualTo("body");
  }

  @Test
  void anUnknownProviderIs404() throws Exception {
    HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/delivery-events/mailchimp"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("[]")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).isEqualTo(404);
  }

  record Signed(String body, String timestamp, String signature) {}

  private Signed signed(String privateKey, String body) throws Exception {
    return signed(privateKey, body, now);
  }

  /** What SendGrid sends: an ECDSA P-256 / SHA-256 signature over the timestamp followed by the body. */
  private static Signed signed(String privateKey, String body, Instant at) throws Exception {
    PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(privateKey)));
    String timestamp = String.valueOf(at.getEpochSecond());
    Signature ecdsa = Signature.getInstance("SHA256withECDSA");
    ecdsa.initSign(key);
    ecdsa.update((timestamp + body).getBytes(StandardCharsets.UTF_8));
    return new Signed(body, timestamp, Base64.getEncoder().encodeToString(ecdsa.sign()));
  }

  private HttpResponse<String> post(Signed request) throws Exception {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/delivery-events/sendgrid"))
        .header("Content-Type", "application/json")
        .header("X-Twilio-Email-Event-Webhook-Timestamp", request.timestamp())
        .POST(HttpRequest.BodyPublishers.ofString(request.body()));
    if (request.signature() != null) {
      builder.header("X-Twilio-Email-Event-Webhook-Signature", request.signature());
    }
    return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(String body) throws Exception {
    return new ObjectMapper().readTree(body);
  }

  private static void at(Instant instant) {
    ClockUtil.setCurrentTime(Date.from(instant));
  }
}
