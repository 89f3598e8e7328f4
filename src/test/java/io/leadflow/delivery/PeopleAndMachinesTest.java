package io.leadflow.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 12: scores that only people make. Mail security gateways fetch every link of an incoming
 * email, mail apps fetch images through proxies: those opens and clicks are recorded, score 0
 * and the ledger says why; the person's first open and first click score once.
 */
@LeadflowTest
class PeopleAndMachinesTest {

  @RegisterExtension static GreenMailExtension mailServer = new GreenMailExtension(TestSmtp.SMTP);

  static final String CHROME =
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36";
  static final String GOOGLE_IMAGE_PROXY =
      "Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)";
  /** What Apple Mail Privacy Protection's proxy sends. */
  static final String APPLE_MAIL_PROXY = "Mozilla/5.0";
  static final HttpClient BROWSER = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @LocalServerPort int port;
  @Autowired ContentDelivery delivery;
  @Autowired Leads leads;
  @Autowired ContentItemRepository contents;

  Api marketing;
  Lead lead;
  Delivery sent;
  ReceivedEmail email;
  Instant sentAt;

  @BeforeEach
  void oneEmailIsSent() throws Exception {
    sentAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    at(sentAt);
    marketing = Api.at(port).as("mia", "demo");
    DeliveryFixture fixture = new DeliveryFixture(marketing, leads, contents);
    lead = fixture.lead("Paz", "Gateway Corp");
    sent = delivery.send(lead, fixture.guide(), DeliveryFixture.key());
    assertThat(mailServer.waitForIncomingEmail(5000, 1)).isTrue();
    email = new ReceivedEmail(mailServer.getReceivedMessages()[0]);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aSafeLinksScannerFetchesEveryLinkWithinTwoSecondsThenThePersonClicksAMinuteLater() throws Exception {
    // the gateway, with a browser's user agent, within 2 seconds of the email's arrival
    at(sentAt.plusSeconds(1));
    assertThat(get(email.clickPath(), CHROME).statusCode()).isEqualTo(302);
    assertThat(get(email.openPixelPath(), CHROME).statusCode()).isEqualTo(200);
    at(sentAt.plusSeconds(2));
    assertThat(get(email.unsubscribePath(), CHROME).body()).as("the unsubscribe link only asks").contains("Unsubscribe?");
    assertThat(get(email.hiddenLinkPath(), CHROME).statusCode()).isEqualTo(200);

    // the person, a minute later
    at(sentAt.plusSeconds(62));
    assertThat(get(email.clickPath(), CHROME).statusCode()).isEqualTo(302);

    JsonNode score = marketing.get("/api/leads/" + lead.getId() + "/score").json();
    List<JsonNode> emailEntries = entriesOf(score, "interaction-filter", "engagement-score");
    assertThat(emailEntries).extracting(entry -> entry.get("rule").asText() + " " + entry.get("points").asInt())
        .containsExactlyInAnyOrder(
            "Rule_TooSoonAfterSend 0",  // the scanner's click
            "Rule_TooSoonAfterSend 0",  // the scanner's open
            "Rule_HiddenLink 0",        // the scanner's request of the link hidden from people
            "Rule_EmailClick 5");       // the person's click, once
    assertThat(emailEntries).filteredOn(entry -> entry.get("rule").asText().equals("Rule_TooSoonAfterSend"))
        .allSatisfy(entry -> assertThat(entry.get("reason").asText())
            .isEqualTo("Within 10 seconds of the email being sent: a mail security gateway scanning it, not a person"));
    assertThat(emailEntries).filteredOn(entry -> entry.get("rule").asText().equals("Rule_HiddenLink"))
        .allSatisfy(entry -> assertThat(entry.get("reason").asText())
            .isEqualTo("Clicked the link hidden from people in the email: a link scanner or bot"));
    assertThat(score.get("engagement").asInt()).isEqualTo(5);
    assertThat(marketing.get("/api/leads/" + lead.getId()).json().get("status").asText()).isEqualTo("NURTURING");
  }

  /**
   * Issue 12: a scanner that comes later than the seconds after the send (a gateway scanning when
   * the person opens the email) is still told apart: it follows the link hidden from people and
   * every link of the email within a second. The person's click a minute later scores once.
   */
  @Test
  void aLateScannerFollowsTheHiddenLinkAndEveryLinkWithinASecondAndThePersonStillScoresOnce() throws Exception {
    Instant scan = sentAt.plus(Duration.ofMinutes(30));
    at(scan);
    assertThat(get(email.hiddenLinkPath(), CHROME).statusCode()).isEqualTo(200);
    at(scan.plusSeconds(1));
    assertThat(get(email.clickPath(), CHROME).statusCode()).isEqualTo(302);

    at(scan.plusSeconds(61));
    assertThat(get(email.clickPath(), CHROME).statusCode()).isEqualTo(302);

    JsonNode score = marketing.get("/api/leads/" + lead.getId() + "/score").json();
    assertThat(entriesOf(score, "interaction-filter", "engagement-score"))
        .extracting(entry -> entry.get("rule").asText() + " " + entry.get("points").asInt() + " " + entry.get("reason").asText())
        .containsExactlyInAnyOrder(
            "Rule_HiddenLink 0 Clicked the link hidden from people in the email: a link scanner or bot",
            "Rule_EveryLinkAtOnce 0 Every link of the email clicked within 5 seconds: a link scanner, not a person",
            "Rule_EmailClick 5 Clicking a link in our email shows interest in its content");
    assertThat(score.get("engagement").asInt()).isEqualTo(5);
  }

  /** Issue 12, case 2: three opens (a browser, Google's image proxy, Apple Mail) and two clicks of one email: engagement 7, not 16. */
  @Test
  void oneEmailNobodyReadTwiceScoresItsFirstOpenAndItsFirstClickOnly() throws Exception {
    Instant later = sentAt.plus(Duration.ofMinutes(5));
    at(later);
    get(email.openPixelPath(), CHROME);
    at(later.plus(Duration.ofHours(2)));
    get(email.openPixelPath(), GOOGLE_IMAGE_PROXY);
    at(later.plus(Duration.ofHours(4)));
    get(email.openPixelPath(), APPLE_MAIL_PROXY);
    at(later.plus(Duration.ofHours(6)));
    get(email.clickPath(), CHROME);
    at(later.plus(Duration.ofHours(8)));
    get(email.clickPath(), CHROME);

    JsonNode score = marketing.get("/api/leads/" + lead.getId() + "/score").json();
    assertThat(entriesOf(score, "interaction-filter", "engagement-score"))
        .extracting(entry -> entry.get("rule").asText() + " " + entry.get("points").asInt())
        .containsExactlyInAnyOrder(
            "Rule_EmailOpen 2",
            "Rule_MailImageProxy 0",
            "Rule_MailImageProxy 0",
            "Rule_EmailClick 5",
            "Rule_RepeatClick 0");
    assertThat(score.get("engagement").asInt()).isEqualTo(7);
  }

  @Test
  void theApiAnswerSaysWhenAnInteractionWasFilteredAndWhy() {
    Api.Response proxyOpen = marketing.postJson("/api/interactions", """
        {"leadId": "%s", "type": "EMAIL_OPEN", "details": {"userAgent": "%s"}}""".formatted(lead.getId(), GOOGLE_IMAGE_PROXY));
    Api.Response personOpen = marketing.postJson("/api/interactions", """
        {"leadId": "%s", "type": "EMAIL_OPEN", "details": {"userAgent": "%s"}}""".formatted(lead.getId(), CHROME));

    assertThat(proxyOpen.status()).isEqualTo(201);
    assertThat(proxyOpen.json().get("points").asInt()).isZero();
    assertThat(proxyOpen.json().get("filtered").asBoolean()).isTrue();
    assertThat(proxyOpen.json().get("reason").asText()).contains("mail image proxy");
    assertThat(personOpen.json().get("points").asInt()).isEqualTo(2);
    assertThat(personOpen.json().has("filtered")).as("absent for a person's interaction").isFalse();
  }

  private List<JsonNode> entriesOf(JsonNode score, String... decisions) {
    List<JsonNode> found = new ArrayList<>();
    for (JsonNode entry : score.get("entries")) {
      if (List.of(decisions).contains(entry.get("decision").asText())) {
        found.add(entry);
      }
    }
    return found;
  }

  private static void at(Instant instant) {
    ClockUtil.setCurrentTime(Date.from(instant));
  }

  private HttpResponse<String> get(String path, String userAgent) throws Exception {
    return BROWSER.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("User-Agent", userAgent).GET().build(), HttpResponse.BodyHandlers.ofString());
  }
}
