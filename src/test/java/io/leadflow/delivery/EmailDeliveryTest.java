package io.leadflow.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.leadflow.TestSmtp;
import io.leadflow.Api;
import io.leadflow.LeadflowTest;
import io.leadflow.content.Channel;
import io.leadflow.content.ContentItem;
import io.leadflow.content.ContentItemRepository;
import io.leadflow.lead.Lead;
import io.leadflow.lead.Leads;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The journey sends content to a lead: one personalised email per delivery key, through a real SMTP server. */
@LeadflowTest
class EmailDeliveryTest {

  @RegisterExtension static GreenMailExtension mailServer = new GreenMailExtension(TestSmtp.SMTP);

  @LocalServerPort int port;
  @Autowired ContentDelivery delivery;
  @Autowired Leads leads;
  @Autowired ContentItemRepository contents;

  Api marketing;
  DeliveryFixture fixture;

  @BeforeEach
  void setUp() {
    marketing = Api.at(port).as("mia", "demo");
    fixture = new DeliveryFixture(marketing, leads, contents);
  }

  @Test
  void theLeadReceivesAPersonalisedEmailWhoseLinksAreAllTracked() throws Exception {
    Lead ada = fixture.lead("Ada", "Smith & Sons <Robotics>");
    ContentItem guide = fixture.guide();

    Delivery sent = delivery.send(ada, guide, DeliveryFixture.key());

    assertThat(sent.getStatus()).isEqualTo(DeliveryStatus.SENT);
    assertThat(sent.getSentAt()).isNotNull();
    assertThat(sent.getAttempts()).isEqualTo(1);
    assertThat(sent.getContentId()).isEqualTo(guide.getId());
    assertThat(sent.getMessageId()).isEqualTo("<" + sent.getId() + "@leadflow.example>");
    assertThat(mailServer.waitForIncomingEmail(5000, 1)).isTrue();
    ReceivedEmail email = new ReceivedEmail(mailServer.getReceivedMessages()[0]);

    assertThat(email.subject()).isEqualTo("Ada, a guide for Smith & Sons <Robotics>").isEqualTo(sent.getSubject());
    assertThat(email.to().getAddress()).isEqualTo(ada.getEmail());
    assertThat(email.to().getPersonal()).isEqualTo("Ada Lovelace");
    assertThat(email.from().getAddress()).isEqualTo("hello@leadflow.example");
    assertThat(email.from().getPersonal()).isEqualTo("Leadflow");
    assertThat(email.header("Message-ID")).as("stable, from the delivery id").isEqualTo(sent.getMessageId());
    assertThat(email.parts().getContentType()).startsWith("multipart/alternative");

    String text = email.text();
    assertThat(text).contains("Hi Ada,", "teams like Smith & Sons <Robotics> score leads", "The lead scoring guide shows how:");
    String html = email.html();
    assertThat(html).contains("Hi Ada,", "teams like Smith &amp; Sons &lt;Robotics&gt; score leads")
        .doesNotContain("<Robotics>");

    String click = "https://leadflow.test" + email.clickPath();
    String pixel = "https://leadflow.test" + email.openPixelPath();
    String unsubscribe = "https://leadflow.test" + email.unsubscribePath();
    assertThat(click).matches("https://leadflow\\.test/t/c/" + sent.getId() + "\\.[A-Za-z0-9_-]{43}");
    assertThat(pixel).matches("https://leadflow\\.test/t/o/" + sent.getId() + "\\.[A-Za-z0-9_-]{43}\\.gif");
    assertThat(text).contains(click, unsubscribe);
    assertThat(html).contains("href=\"" + click + "\"", "href=\"" + unsubscribe + "\"", "<img src=\"" + pixel + "\" width=\"1\" height=\"1\"");
    assertThat(text + html).as("the content is reached through the tracked link only")
        .doesNotContain("content.example.com");

    assertThat(email.header("List-Unsubscribe")).isEqualTo("<" + unsubscribe + ">");
    assertThat(email.header("List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
  }

  @Test
  void theSameDeliveryKeyTwiceSendsOneEmail() {
    Lead lead = fixture.lead("Grace", "Hopper Systems");
    ContentItem guide = fixture.guide();
    String key = DeliveryFixture.key();

    Delivery first = delivery.send(lead, guide, key);
    Delivery again = delivery.send(lead, guide, key);

    assertThat(again.getId()).isEqualTo(first.getId());
    assertThat(again.getAttempts()).isEqualTo(1);
    assertThat(mailServer.getReceivedMessages()).hasSize(1);
    assertThat(delivery.find(key)).get().extracting(Delivery::getId).isEqualTo(first.getId());
    assertThat(delivery.sentContentIds(lead.getId())).containsExactly(guide.getId());
  }

  @Test
  void aJobRunTwiceAtTheSameTimeStillSendsOneEmail() throws Exception {
    Lead lead = fixture.lead("Alan", "Turing Ltd");
    ContentItem guide = fixture.guide();
    String key = DeliveryFixture.key();
    ExecutorService twoJobThreads = Executors.newFixedThreadPool(2);
    try {
      Callable<Delivery> send = () -> delivery.send(lead, guide, key);
      List<Future<Delivery>> runs = twoJobThreads.invokeAll(List.of(send, send));

      List<String> ids = new ArrayList<>();
      for (Future<Delivery> run : runs) {
        ids.add(run.get().getId());
      }
      assertThat(ids).containsOnly(delivery.find(key).orElseThrow().getId());
    } finally {
      twoJobThreads.shutdownNow();
    }
    assertThat(mailServer.waitForIncomingEmail(5000, 1)).isTrue();
    assertThat(mailServer.getReceivedMessages()).hasSize(1);
    assertThat(delivery.find(key).orElseThrow().getAttempts()).isEqualTo(1);
  }

  @Test
  void aLeadThatUnsubscribedOrGaveNoConsentIsNeverEmailedAndNothingIsRecorded() {
    Lead unsubscribed = fixture.lead("Una", "Gone Ltd");
    assertThat(fixture.unsubscribeByApi(unsubscribed.getId()).status()).isEqualTo(201);
    Lead noConsent = fixture.leadWithoutConsent();
    ContentItem guide = fixture.guide();

    for (Lead lead : List.of(fixture.reloaded(unsubscribed.getId()), noConsent)) {
      String key = DeliveryFixture.key();
      assertThatThrownBy(() -> delivery.send(lead, guide, key))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("must not be contacted");
      assertThat(delivery.find(key)).isEmpty();
      assertThat(delivery.sentContentIds(lead.getId())).isEmpty();
    }
    assertThat(mailServer.getReceivedMessages()).isEmpty();
  }

  @Test
  void aLeadThatUnsubscribedSinceTheJobLoadedItIsNotEmailedEither() {
    Lead loadedByTheJob = fixture.lead("Lou", "Late Ltd");
    fixture.unsubscribeByApi(loadedByTheJob.getId());

    assertThatThrownBy(() -> delivery.send(loadedByTheJob, fixture.guide(), DeliveryFixture.key()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("UNSUBSCRIBED");
    assertThat(mailServer.getReceivedMessages()).isEmpty();
  }

  @Test
  void onlyEmailContentIsDeliveredAndAKeyBelongsToOneLeadAndContent() {
    Lead lead = fixture.lead("Sam", "Short Message Ltd");
    ContentItem sms = fixture.guide();
    sms.setChannel(Channel.SMS);
    ContentItem guide = fixture.guide();
    String key = DeliveryFixture.key();
    delivery.send(lead, guide, key);

    assertThatThrownBy(() -> delivery.send(lead, sms, DeliveryFixture.key()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SMS");
    assertThatThrownBy(() -> delivery.send(lead, fixture.guide(), key))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("was used for " + guide.getId());
    assertThat(mailServer.getReceivedMessages()).hasSize(1);
  }

  @Test
  void whenTheMailServerIsDownTheDeliveryFailsAndTheSameKeySendsItOnceItIsBack() {
    Lead lead = fixture.lead("Ken", "Outage Inc");
    ContentItem guide = fixture.guide();
    String key = DeliveryFixture.key();
    mailServer.stop();

    assertThatThrownBy(() -> delivery.send(lead, guide, key))
        .isInstanceOf(DeliveryFailed.class)
        .hasMessageContaining("was not sent");
    Delivery failed = delivery.find(key).orElseThrow();
    assertThat(failed.getStatus()).isEqualTo(DeliveryStatus.FAILED);
    assertThat(failed.getAttempts()).isEqualTo(1);
    assertThat(failed.getLastError()).contains("localhost", String.valueOf(TestSmtp.SMTP.getPort()));
    assertThat(failed.getSentAt()).isNull();
    assertThat(delivery.sentContentIds(lead.getId())).as("chosen, so never picked again").containsExactly(guide.getId());

    mailServer.start();
    Delivery retried = delivery.send(lead, guide, key);

    assertThat(retried.getId()).isEqualTo(failed.getId());
    assertThat(retried.getStatus()).isEqualTo(DeliveryStatus.SENT);
    assertThat(retried.getAttempts()).isEqualTo(2);
    assertThat(mailServer.waitForIncomingEmail(5000, 1)).isTrue();
    assertThat(mailServer.getReceivedMessages()).hasSize(1);

    JsonNode listed = marketing.get("/api/leads/" + lead.getId() + "/deliveries").json();
    assertThat(listed).singleElement().satisfies(item -> {
      assertThat(item.get("id").asText()).isEqualTo(retried.getId());
      assertThat(item.get("status").asText()).isEqualTo("SENT");
      assertThat(item.get("attempts").asInt()).isEqualTo(2);
    });
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      a name it does not know      | Hello {{first_name}}     | first_name
      a look into the Java objects | Hi {{firstName.class}}   | firstName.class
      a partial template file      | {{> email/content.html}} | email/content.html
      """)
  void aTemplateThatDoesNotRenderFailsTheDeliveryWithTheReason(String why, String subject, String reason) {
    Lead lead = fixture.lead("Tim", "Typo GmbH");
    ContentItem broken = fixture.content(subject, "Hi {{firstName}}");
    String key = DeliveryFixture.key();

    assertThatThrownBy(() -> delivery.send(lead, broken, key)).isInstanceOf(DeliveryFailed.class);

    assertThat(delivery.find(key).orElseThrow().getLastError()).contains(reason);
    assertThat(mailServer.getReceivedMessages()).isEmpty();
  }

  @Test
  void aTemplateMayLeaveOutWhatIsNotKnownAboutTheLead() throws Exception {
    Lead nameless = fixture.captured("""
        {"email": "someone.%s@example.com", "consent": {"given": true}}""".formatted(UUID.randomUUID()));
    ContentItem guide = fixture.content("{{#firstName}}{{firstName}}, y{{/firstName}}{{^firstName}}Y{{/firstName}}our guide",
        "Hello{{#company}} from {{company}}{{/company}}!");

    delivery.send(nameless, guide, DeliveryFixture.key());

    assertThat(mailServer.waitForIncomingEmail(5000, 1)).isTrue();
    ReceivedEmail email = new ReceivedEmail(mailServer.getReceivedMessages()[0]);
    assertThat(email.subject()).isEqualTo("Your guide");
    assertThat(email.text()).startsWith("Hello!");
    assertThat(email.to().getPersonal()).isNull();
  }

  @Test
  void theDeliveriesOfALeadAreListedNewestFirst() {
    Lead lead = fixture.lead("Lin", "Listed BV");
    ContentItem first = fixture.guide();
    ContentItem second = fixture.content("Part two for {{company}}", "Hi {{firstName}}, part two: {{url}}");
    Delivery older = delivery.send(lead, first, DeliveryFixture.key());
    Delivery newer = delivery.send(lead, second, DeliveryFixture.key());

    Api.Response response = marketing.get("/api/leads/" + lead.getId() + "/deliveries");

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    JsonNode listed = response.json();
    assertThat(listed.findValuesAsText("id")).containsExactly(newer.getId(), older.getId());
    JsonNode latest = listed.get(0);
    assertThat(latest.get("contentId").asText()).isEqualTo(second.getId());
    assertThat(latest.get("title").asText()).isEqualTo("The lead scoring guide");
    assertThat(latest.get("channel").asText()).isEqualTo("EMAIL");
    assertThat(latest.get("status").asText()).isEqualTo("SENT");
    assertThat(latest.get("subject").asText()).isEqualTo("Part two for Listed BV");
    assertThat(latest.get("sentAt").asText()).endsWith("Z");
    assertThat(latest.get("messageId").asText()).isEqualTo(newer.getMessageId());
    assertThat(latest.get("attempts").asInt()).isEqualTo(1);
    assertThat(delivery.sentContentIds(lead.getId())).containsExactlyInAnyOrder(first.getId(), second.getId());
  }

  @Test
  void theDeliveriesOfAnUnknownLeadAreNotFoundAndTheListNeedsALogin() {
    Api.Response unknown = marketing.get("/api/leads/no-such-lead/deliveries");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");

    Lead lead = fixture.lead("Pia", "Private AG");
    assertThat(Api.at(port).get("/api/leads/" + lead.getId() + "/deliveries").status()).isEqualTo(401);
    assertThat(Api.at(port).as("crm", "demo").get("/api/leads/" + lead.getId() + "/deliveries").status()).isEqualTo(200);
    assertThat(Api.at(port).as("sam", "demo").get("/api/leads/" + lead.getId() + "/deliveries").status()).isEqualTo(403);
  }
}
