package io.leadflow.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.leadflow.Api;
import io.leadflow.LeadflowTest;
import io.leadflow.TestSmtp;
import io.leadflow.content.ContentItemRepository;
import io.leadflow.interaction.Interaction;
import io.leadflow.interaction.InteractionRepository;
import io.leadflow.interaction.InteractionType;
import io.leadflow.lead.Lead;
import io.leadflow.lead.LeadStatus;
import io.leadflow.lead.Leads;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 17, case 6: the public tracking links of an email, hammered by a script, stay one
 * interaction and one row; old links expire with a page.
 */
@LeadflowTest
class TrackingFloodTest {

  @RegisterExtension static GreenMailExtension mailServer = new GreenMailExtension(TestSmtp.SMTP);

  static final HttpClient BROWSER = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @LocalServerPort int port;
  @Autowired ContentDelivery delivery;
  @Autowired Leads leads;
  @Autowired ContentItemRepository contents;
  @Autowired InteractionRepository interactions;
  @Autowired TrackingEventRepository trackingEvents;
  @Autowired DeliveryProperties properties;

  DeliveryFixture fixture;
  Lead lead;
  Delivery sent;
  ReceivedEmail email;
  /** The client this test's requests come from, as a trusted proxy reports it. */
  String script = Api.someClientAddress();

  @BeforeEach
  void aLeadReceivedAGuide() throws Exception {
    fixture = new DeliveryFixture(Api.at(port).as("mia", "demo"), leads, contents);
    lead = fixture.lead("Grace", "Compilers Inc");
    sent = delivery.send(lead, fixture.guide(), DeliveryFixture.key());
    assertThat(mailServer.waitForIncomingEmail(5000, 1)).isTrue();
    email = new ReceivedEmail(mailServer.getReceivedMessages()[0]);
  }

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  enum Link { CLICK, OPEN }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Link.class)
  void fourHundredRequestsOfOneLinkAreOneInteractionWithACountAndTheRestWait(Link link) throws Exception {
    String path = link == Link.CLICK ? email.clickPath() : email.openPixelPath();
    int perLink = properties.tracking().limits().perLink();
    freezeTime();

    List<HttpResponse<String>> answers = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      answers.add(get(path, script));
    }

    Map<Integer, Long> byStatus = answers.stream().collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting()));
    int served = link == Link.CLICK ? 302 : 200;
    assertThat(byStatus).containsOnly(Map.entry(served, (long) perLink), Map.entry(429, 400L - perLink));
    HttpResponse<String> waited = answers.get(answers.size() - 1);
    assertThat(waited.headers().firstValue("Content-Type")).get().asString().startsWith("text/html");
    assertThat(Long.parseLong(waited.headers().firstValue("Retry-After").orElseThrow())).isPositive();
    assertThat(waited.body()).contains("Too many requests");

    InteractionType type = link == Link.CLICK ? InteractionType.EMAIL_CLICK : InteractionType.EMAIL_OPEN;
    List<Interaction> stored = interactions.findByLeadIdOrderByOccurredAtAscIdAsc(lead.getId());
    assertThat(stored).singleElement().satisfies(interaction -> assertThat(interaction.getType()).isEqualTo(type));
    assertThat(trackingEvents.findByDeliveryIdOrderByWindowStart(sent.getId())).singleElement().satisfies(event -> {
      assertThat(event.getHits()).as("every request served, counted").isEqualTo(perLink);
      assertThat(event.getInteractionId()).isEqualTo(stored.get(0).getId());
    });
    assertThat(get(path, Api.someClientAddress()).statusCode()).as("the same link from another address, still limited")
        .isEqualTo(429);
  }

  @Test
  void aRepeatAfterTheWindowIsANewInteraction() throws Exception {
    Instant now = freezeTime();
    assertThat(get(email.clickPath(), script).statusCode()).isEqualTo(302);
    assertThat(get(email.clickPath(), script).statusCode()).isEqualTo(302);

    moveTime(now.plus(properties.tracking().repeatWindow()));
    assertThat(get(email.clickPath(), script).statusCode()).isEqualTo(302);

    assertThat(interactions.findByLeadIdOrderByOccurredAtAscIdAsc(lead.getId())).hasSize(2);
    assertThat(trackingEvents.findByDeliveryIdOrderByWindowStart(sent.getId())).extracting(TrackingEvent::getHits)
        .containsExactly(2, 1);
  }

  @Test
  void oneAddressRequestingTooOftenWaitsAndOthersDoNot() throws Exception {
    int perAddress = properties.tracking().limits().perAddress();
    freezeTime();

    for (int i = 0; i < perAddress; i++) {
      assertThat(get("/t/c/not-a-link-" + i, script).statusCode()).isEqualTo(404);
    }
    HttpResponse<String> waited = get(email.clickPath(), script);

    assertThat(waited.statusCode()).as("even a valid link, from this address").isEqualTo(429);
    assertThat(waited.headers().firstValue("Retry-After")).isPresent();
    assertThat(get(email.clickPath(), Api.someClientAddress()).statusCode()).as("another address").isEqualTo(302);
    assertThat(interactions.findByLeadIdOrderByOccurredAtAscIdAsc(lead.getId())).hasSize(1);
  }

  @Test
  void anExpiredLinkShowsAPageAndRecordsNothingButItsUnsubscribeLinkStillWorks() throws Exception {
    moveTime(sent.getSentAt().plus(properties.tracking().linkMaxAge()).plusSeconds(1));

    HttpResponse<String> click = get(email.clickPath(), script);
    HttpResponse<String> open = get(email.openPixelPath(), script);

    for (HttpResponse<String> expired : List.of(click, open)) {
      assertThat(expired.statusCode()).isEqualTo(410);
      assertThat(expired.headers().firstValue("Content-Type")).get().asString().startsWith("text/html");
      assertThat(expired.body()).contains("This link has expired");
    }
    assertThat(click.headers().firstValue("Location")).isEmpty();
    assertThat(interactions.findByLeadIdOrderByOccurredAtAscIdAsc(lead.getId())).isEmpty();
    assertThat(trackingEvents.findByDeliveryIdOrderByWindowStart(sent.getId())).isEmpty();

    assertThat(post(email.unsubscribePath(), script).statusCode()).isEqualTo(200);
    assertThat(fixture.reloaded(lead.getId()).getStatus()).isEqualTo(LeadStatus.UNSUBSCRIBED);
  }

  @Test
  void aLinkJustBeforeItsAgeStillLeadsToTheContent() throws Exception {
    moveTime(sent.getSentAt().plus(properties.tracking().linkMaxAge()).minusSeconds(1));

    HttpResponse<String> click = get(email.clickPath(), script);

    assertThat(click.statusCode()).isEqualTo(302);
    assertThat(click.headers().firstValue("Location")).hasValue(DeliveryFixture.CONTENT_URL);
    assertThat(interactions.findByLeadIdOrderByOccurredAtAscIdAsc(lead.getId())).extracting(Interaction::getType)
        .containsExactly(InteractionType.EMAIL_CLICK);
  }

  /** The unsubscribe page's button (and RFC 8058 one-click): a POST. */
  private HttpResponse<String> post(String path, String clientAddress) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("X-Forwarded-For", clientAddress)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path, String clientAddress) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("X-Forwarded-For", clientAddress).GET().build();
    return BROWSER.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static Instant freezeTime() {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    moveTime(now);
    return now;
  }

  private static void moveTime(Instant to) {
    ClockUtil.setCurrentTime(Date.from(to));
  }
}
