package io.leadflow.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.leadflow.Api;
import io.leadflow.LeadflowTest;
import io.leadflow.TestSmtp;
import io.leadflow.content.ContentCatalogue;
import io.leadflow.content.ContentItem;
import io.leadflow.content.ContentItemRepository;
import io.leadflow.interaction.Interaction;
import io.leadflow.interaction.InteractionRepository;
import io.leadflow.interaction.InteractionType;
import io.leadflow.lead.EmailFrequency;
import io.leadflow.lead.EmailTopic;
import io.leadflow.lead.FunnelStage;
import io.leadflow.lead.Lead;
import io.leadflow.lead.LeadStatus;
import io.leadflow.lead.Leads;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The preference centre behind every email's "Choose what you receive" link: a page in the
 * person's language that changes nothing; its button keeps the ticked topics at a frequency (a
 * consent record and a scored interaction), after which content of a declined topic is never
 * chosen; its other button unsubscribes from all.
 */
@LeadflowTest
class PreferenceCentreTest {

  @RegisterExtension static GreenMailExtension mailServer = new GreenMailExtension(TestSmtp.SMTP);

  static final HttpClient BROWSER = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @LocalServerPort int port;
  @Autowired ContentDelivery delivery;
  @Autowired Leads leads;
  @Autowired ContentItemRepository contents;
  @Autowired InteractionRepository interactions;
  @Autowired ContentCatalogue catalogue;

  Api marketing;
  DeliveryFixture fixture;
  Lead lead;
  ReceivedEmail email;

  @BeforeEach
  void aLeadReceivedAGuide() throws Exception {
    marketing = Api.at(port).as("mia", "demo");
    fixture = new DeliveryFixture(marketing, leads, contents);
    lead = fixture.lead("Ada", "Analytical Engines");
    delivery.send(lead, fixture.guide(), DeliveryFixture.key());
    assertThat(mailServer.waitForIncomingEmail(5000, 1)).isTrue();
    email = new ReceivedEmail(mailServer.getReceivedMessages()[0]);
  }

  @Test
  void theEmailLinksToAPreferencePageInThePersonsLanguageThatChangesNothing() throws Exception {
    assertThat(email.text()).contains("Choose what you receive: https://leadflow.test/t/p/");
    assertThat(email.html()).contains("Choose what you receive");

    HttpResponse<String> page = get(email.preferencesPath(), "en-GB,en;q=0.8");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Your email preferences", "Newsletter, guides and tips", "name=\"topic\" id=\"topic-NEWSLETTER\" value=\"NEWSLETTER\" checked",
        "At most once a month", "Unsubscribe from all", "action=\"" + email.preferencesPath() + "\"");
    assertThat(get(email.preferencesPath(), "es-ES,es;q=0.9").body())
        .contains("lang=\"es\"", "Sus preferencias de correo", "Darme de baja de todo");
    Lead unchanged = fixture.reloaded(lead.getId());
    assertThat(unchanged.keptTopics()).containsExactly(EmailTopic.values());
    assertThat(interactionsOf(InteractionType.PREFERENCES_CHANGED)).isEmpty();
    String forged = email.preferencesPath().replace("/t/p/", "/t/p/x");
    assertThat(get(forged, "en").statusCode()).isEqualTo(404);
    assertThat(get(email.unsubscribePath().replace("/t/u/", "/t/p/"), "en").statusCode())
        .as("an unsubscribe token is no preference token").isEqualTo(404);
  }

  @Test
  void keepingOnlyProductNewsMonthlyIsAConsentRecordAScoredInteractionAndNoNewsletterContentIsChosenAfterwards()
      throws Exception {
    Optional<ContentItem> before = catalogue.nextFor(fixture.reloaded(lead.getId()), FunnelStage.TOFU, Set.of());
    assertThat(before).as("the seeded catalogue has top-of-funnel reading").isPresent();
    assertThat(before.get().getType().topic()).isEqualTo(EmailTopic.NEWSLETTER);

    HttpResponse<String> saved = post(email.preferencesPath(), "action=save&topic=PRODUCT_NEWS&frequency=MONTHLY");

    assertThat(saved.statusCode()).isEqualTo(200);
    assertThat(saved.body()).contains("Your choices are saved.", "value=\"PRODUCT_NEWS\" checked", "value=\"MONTHLY\" checked")
        .doesNotContain("value=\"NEWSLETTER\" checked");
    Lead chosen = fixture.reloaded(lead.getId());
    assertThat(chosen.keptTopics()).containsExactly(EmailTopic.PRODUCT_NEWS);
    assertThat(chosen.emailFrequency()).isEqualTo(EmailFrequency.MONTHLY);
    assertThat(chosen.getStatus()).isEqualTo(LeadStatus.NURTURING);
    assertThat(catalogue.nextFor(chosen, FunnelStage.TOFU, Set.of()).map(item -> item.getType().topic()))
        .as("content is chosen from kept topics only: top-of-funnel reading is all newsletter").isEmpty();
    assertThat(catalogue.nextFor(chosen, FunnelStage.BOFU, Set.of())).get()
        .satisfies(item -> assertThat(item.getType().topic()).isEqualTo(EmailTopic.PRODUCT_NEWS));
    assertThat(interactionsOf(InteractionType.PREFERENCES_CHANGED)).singleElement()
        .satisfies(changed -> assertThat(changed.getPoints()).as("engagement-score.dmn").isEqualTo(3));
    JsonNode consents = marketing.get("/api/leads/" + lead.getId() + "/personal-data").json().get("consents");
    JsonNode last = consents.get(consents.size() - 1);
    assertThat(last.get("channel").asText()).isEqualTo("PREFERENCE_CENTRE");
    assertThat(last.get("given").asBoolean()).isTrue();
    assertThat(last.get("wording").asText()).isEqualTo("topics: PRODUCT_NEWS; frequency: MONTHLY");
    assertThat(last.get("ipAddress").asText()).isNotBlank();

    post(email.preferencesPath(), "action=save&topic=PRODUCT_NEWS&frequency=MONTHLY");
    assertThat(interactionsOf(InteractionType.PREFERENCES_CHANGED)).as("the same choice again changes nothing").hasSize(1);
    assertThat(post(email.preferencesPath(), "action=save&topic=GOSSIP").statusCode()).isEqualTo(400);
  }

  @Test
  void unsubscribingFromAllThereUnsubscribesTheLeadAsTheUnsubscribeLinkDoes() throws Exception {
    HttpResponse<String> page = post(email.preferencesPath(), "action=unsubscribe");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("You are unsubscribed");
    assertThat(fixture.reloaded(lead.getId()).getStatus()).isEqualTo(LeadStatus.UNSUBSCRIBED);
    JsonNode consents = marketing.get("/api/leads/" + lead.getId() + "/personal-data").json().get("consents");
    assertThat(consents.get(consents.size() - 1).get("channel").asText()).isEqualTo("PREFERENCE_CENTRE");
    assertThat(consents.get(consents.size() - 1).get("given").asBoolean()).isFalse();
    assertThat(get(email.preferencesPath(), "en").body()).contains("You are unsubscribed");
  }

  private List<Interaction> interactionsOf(InteractionType type) {
    return interactions.findByLeadIdOrderByOccurredAtAscIdAsc(lead.getId()).stream()
        .filter(interaction -> interaction.getType() == type).toList();
  }

  private HttpResponse<String> get(String path, String language) throws Exception {
    return BROWSER.send(request(path).header("Accept-Language", language).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String form) throws Exception {
    return BROWSER.send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
  }
}
