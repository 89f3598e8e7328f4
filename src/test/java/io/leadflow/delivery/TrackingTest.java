package io.leadflow.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.leadflow.TestSmtp;
import io.leadflow.Api;
import io.leadflow.LeadflowTest;
import io.leadflow.content.ContentItemRepository;
import io.leadflow.interaction.Interaction;
import io.leadflow.interaction.InteractionRepository;
import io.leadflow.interaction.InteractionType;
import io.leadflow.lead.Lead;
import io.leadflow.lead.Leads;
import io.leadflow.lead.LeadStatus;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A lead opens the email, clicks its link, unsubscribes: public signed links whose hits become scored interactions. */
@LeadflowTest
class TrackingTest {

  @RegisterExtension static GreenMailExtension mailServer = new GreenMailExtension(TestSmtp.SMTP);

  /** Like a browser that shows us where a link leads instead of following it. */
  static final String CHROME =
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36";

  static final HttpClient BROWSER = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @LocalServerPort int port;
  @Autowired ContentDelivery delivery;
  @Autowired TrackingLinks links;
  @Autowired Leads leads;
  @Autowired ContentItemRepository contents;
  @Autowired InteractionRepository interactions;

  Api marketing;
  DeliveryFixture fixture;
  Lead lead;
  Delivery sent;
  ReceivedEmail email;

  @BeforeEach
  void aLeadReceivedAGuide() throws Exception {
    marketing = Api.at(port).as("mia", "demo");
    fixture = new DeliveryFixture(marketing, leads, contents);
    lead = fixture.lead("Ada", "Analytical Engines");
    sent = delivery.send(lead, fixture.guide(), DeliveryFixture.key());
    assertThat(mailServer.waitForIncomingEmail(5000, 1)).isTrue();
    email = new ReceivedEmail(mailServer.getReceivedMessages()[0]);
    // the person reads it a minute later: opens and clicks within seconds of the send are a
    // mail gateway's (PeopleAndMachinesTest)
    org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(java.time.Instant.now().plusSeconds(60)));
  }

  @org.junit.jupiter.api.AfterEach
  void resetClock() {
    org.camunda.bpm.engine.impl.util.ClockUtil.reset();
  }

  @Test
  void clickingTheLinkLeadsToTheContentAndScoresTheClick() throws Exception {
    int engagementBefore = engagement();

    HttpResponse<String> click = get(email.clickPath());

    assertThat(click.statusCode()).isEqualTo(302);
    assertThat(click.headers().firstValue("Location")).hasValue(DeliveryFixture.CONTENT_URL);
    assertThat(recorded(InteractionType.EMAIL_CLICK)).singleElement().satisfies(interaction -> {
      assertThat(interaction.getUrl()).isEqualTo(DeliveryFixture.CONTENT_URL);
      assertThat(interaction.getContentId()).isEqualTo(sent.getContentId());
      assertThat(interaction.getChannel()).isEqualTo("email");
      assertThat(interaction.getPoints()).isPositive();
    });
    assertThat(engagement()).isGreaterThan(engagementBefore);
  }

  @Test
  void loadingThePixelRecordsAnOpenAndAnswersAnUncachedTransparentGif() throws Exception {
    HttpResponse<byte[]> pixel = BROWSER.send(request(email.openPixelPath()).build(), HttpResponse.BodyHandlers.ofByteArray());

    assertThat(pixel.statusCode()).isEqualTo(200);
    assertThat(pixel.headers().firstValue("Content-Type")).hasValue("image/gif");
    assertThat(pixel.headers().firstValue("Cache-Control")).get().asString().contains("no-store", "no-cache");
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(pixel.body()));
    assertThat(image.getWidth()).isEqualTo(1);
    assertThat(image.getHeight()).isEqualTo(1);
    assertThat(image.getColorModel().hasAlpha()).as("transparent").isTrue();
    assertThat(recorded(InteractionType.EMAIL_OPEN)).singleElement()
        .satisfies(open -> assertThat(open.getContentId()).isEqualTo(sent.getContentId()));
  }

  @Test
  void openingTheUnsubscribeLinkAsksFirstAndChangesNothing() throws Exception {
    // what a mail security gateway (Safe Links, Mimecast) does with every link of an incoming email
    HttpResponse<String> page = BROWSER.send(request(email.unsubscribePath()).header("User-Agent", CHROME).GET().build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).get().asString().startsWith("text/html");
    assertThat(page.body()).contains("Unsubscribe?", "Leadflow", "Unsubscribe me", "<form method=\"post\"",
        "action=\"" + email.unsubscribePath() + "\"");
    assertThat(page.body()).as("the address, masked").contains(UnsubscribePages.mask(lead.getEmail()))
        .doesNotContain(lead.getEmail());
    assertThat(fixture.reloaded(lead.getId()).getStatus()).isEqualTo(LeadStatus.NURTURING);
    assertThat(fixture.reloaded(lead.getId()).getConsentGiven()).isNotEqualTo(false);
    assertThat(marketing.get("/api/leads/" + lead.getId()).json().get("emailable").asBoolean()).isTrue();
    assertThat(recorded(InteractionType.UNSUBSCRIBE)).isEmpty();
  }

  @Test
  void theConfirmationSpeaksSpanishToASpanishBrowserOrToALeadInASpanishSpeakingCountry() throws Exception {
    HttpResponse<String> spanishBrowser = BROWSER.send(request(email.unsubscribePath())
        .header("Accept-Language", "es-ES,es;q=0.9,en;q=0.5").GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(spanishBrowser.body()).contains("lang=\"es\"", "¿Darse de baja?", "Darme de baja");

    marketing.postJson("/api/leads", "{\"email\": \"" + lead.getEmail() + "\", \"country\": \"MX\"}");
    HttpResponse<String> leadInMexico = get(email.unsubscribePath());
    assertThat(leadInMexico.body()).contains("¿Darse de baja?");

    HttpResponse<String> englishBrowser = BROWSER.send(request(email.unsubscribePath())
        .header("Accept-Language", "en-GB,en;q=0.8").GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(englishBrowser.body()).as("the browser's language first").contains("Unsubscribe?");
    assertThat(recorded(InteractionType.UNSUBSCRIBE)).isEmpty();
  }

  @Test
  void thePagesButtonUnsubscribesTheLeadOnceAndItIsNeitherTrackedNorEmailedAfterwards() throws Exception {
    HttpResponse<String> page = oneClick(email.unsubscribePath());

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).get().asString().startsWith("text/html");
    assertThat(page.body()).contains("You are unsubscribed");
    Lead unsubscribed = fixture.reloaded(lead.getId());
    assertThat(unsubscribed.getStatus()).isEqualTo(LeadStatus.UNSUBSCRIBED);
    assertThat(unsubscribed.getConsentGiven()).isFalse();
    assertThat(marketing.get("/api/leads/" + lead.getId()).json().get("status").asText()).isEqualTo("UNSUBSCRIBED");
    assertThat(recorded(InteractionType.UNSUBSCRIBE)).singleElement()
        .satisfies(unsubscribe -> assertThat(unsubscribe.getExternalId()).isEqualTo("unsubscribe-" + sent.getId()));
    long interactionsOfLead = interactions.findByLeadIdOrderByOccurredAtAscIdAsc(lead.getId()).size();

    assertThat(get(email.unsubscribePath()).body()).as("the link again").contains("You are unsubscribed");
    assertThat(oneClick(email.unsubscribePath()).statusCode()).as("the mail client's one-click").isEqualTo(200);
    assertThat(get(email.clickPath()).statusCode()).as("the link still works").isEqualTo(302);
    assertThat(get(email.openPixelPath()).statusCode()).isEqualTo(200);

    assertThat(interactions.findByLeadIdOrderByOccurredAtAscIdAsc(lead.getId())).as("nothing new recorded")
        .hasSize((int) interactionsOfLead);
    assertThatThrownBy(() -> delivery.send(unsubscribed, fixture.guide(), DeliveryFixture.key()))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void theMailClientsOneClickUnsubscribeIsAPost() throws Exception {
    HttpResponse<String> answer = oneClick(email.unsubscribePath());

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(fixture.reloaded(lead.getId()).getStatus()).isEqualTo(LeadStatus.UNSUBSCRIBED);
    assertThat(recorded(InteractionType.UNSUBSCRIBE)).hasSize(1);
  }

  @Test
  void linkCheckersThatOnlyAskForTheHeadersRecordNothing() throws Exception {
    for (String path : List.of(email.clickPath(), email.openPixelPath(), email.unsubscribePath())) {
      HttpResponse<Void> head = BROWSER.send(request(path).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
          HttpResponse.BodyHandlers.discarding());
      assertThat(head.statusCode()).as(path).isIn(200, 302);
    }

    assertThat(interactions.findByLeadIdOrderByOccurredAtAscIdAsc(lead.getId())).isEmpty();
    assertThat(fixture.reloaded(lead.getId()).getStatus()).isNotEqualTo(LeadStatus.UNSUBSCRIBED);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "one character of the signature changed",
      "the last character of the signature changed",
      "one character of the delivery id changed",
      "no signature",
      "not a token at all",
      "a correctly signed unknown delivery",
      "signed with another secret"})
  void aTamperedMalformedOrUnknownLinkIsNotFoundAndRecordsNothing(String how) throws Exception {
    String token = email.clickPath().substring("/t/c/".length());
    String signature = token.substring(token.indexOf('.') + 1);
    String tampered = switch (how) {
      case "one character of the signature changed" -> sent.getId() + "." + changed(signature, 10);
      case "the last character of the signature changed" -> sent.getId() + "." + changed(signature, signature.length() - 1);
      case "one character of the delivery id changed" -> changed(sent.getId(), 0) + "." + signature;
      case "no signature" -> sent.getId();
      case "not a token at all" -> "this-is-not-a-token";
      case "a correctly signed unknown delivery" -> links.token(UUID.randomUUID().toString(), TrackingLinks.Kind.CLICK);
      case "signed with another secret" -> sent.getId() + "." + "A".repeat(43);
      default -> throw new IllegalArgumentException(how);
    };

    assertThat(get("/t/c/" + tampered).statusCode()).isEqualTo(404);
    assertThat(get("/t/o/" + tampered + ".gif").statusCode()).isEqualTo(404);
    assertThat(get("/t/u/" + tampered).statusCode()).isEqualTo(404);
    assertThat(oneClick("/t/u/" + tampered).statusCode()).isEqualTo(404);

    assertThat(interactions.findByLeadIdOrderByOccurredAtAscIdAsc(lead.getId())).isEmpty();
    assertThat(fixture.reloaded(lead.getId()).getStatus()).isEqualTo(LeadStatus.NURTURING);
  }

  @Test
  void aLinkSignedForOneKindWorksForThatKindOnly() throws Exception {
    String click = links.token(sent.getId(), TrackingLinks.Kind.CLICK);
    String unsubscribe = links.token(sent.getId(), TrackingLinks.Kind.UNSUBSCRIBE);

    assertThat(get("/t/o/" + click + ".gif").statusCode()).isEqualTo(404);
    assertThat(get("/t/u/" + click).statusCode()).isEqualTo(404);
    assertThat(oneClick("/t/u/" + click).statusCode()).isEqualTo(404);
    assertThat(get("/t/c/" + unsubscribe).statusCode()).isEqualTo(404);
    assertThat(get("/t/o/" + unsubscribe + ".gif").statusCode()).isEqualTo(404);

    assertThat(interactions.findByLeadIdOrderByOccurredAtAscIdAsc(lead.getId())).isEmpty();
    assertThat(get("/t/c/" + click).statusCode()).as("where it belongs").isEqualTo(302);
  }

  /** The same text with the character at {@code index} replaced by another one (valid in hex and base64url). */
  private static String changed(String text, int index) {
    char other = text.charAt(index) == 'a' ? 'b' : 'a';
    return text.substring(0, index) + other + text.substring(index + 1);
  }

  private List<Interaction> recorded(InteractionType type) {
    return interactions.findByLeadIdOrderByOccurredAtAscIdAsc(lead.getId()).stream()
        .filter(interaction -> interaction.getType() == type)
        .toList();
  }

  private int engagement() {
    return marketing.get("/api/leads/" + lead.getId() + "/score").json().get("engagement").asInt();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return BROWSER.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  /** RFC 8058: what a mail client posts to the List-Unsubscribe address. */
  private HttpResponse<String> oneClick(String path) throws Exception {
    return BROWSER.send(request(path)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
  }
}
