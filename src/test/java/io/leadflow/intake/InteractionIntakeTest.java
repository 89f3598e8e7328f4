package io.leadflow.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.Api;
import io.leadflow.LeadflowTest;
import io.leadflow.interaction.InteractionRepository;
import io.leadflow.scoring.ScoreEntryRepository;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What trackers, email tracking and webinar tools send, and what they get back. */
@LeadflowTest
class InteractionIntakeTest {

  @LocalServerPort int port;
  @Autowired InteractionRepository interactions;
  @Autowired ScoreEntryRepository entries;

  Api marketing;
  String leadId;
  String email;

  @BeforeEach
  void aLead() {
    marketing = Api.at(port).as("mia", "demo");
    email = "tracked." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    leadId = marketing.postJson("/api/leads", "{\"email\": \"%s\", \"company\": \"Tracked Ltd\"}".formatted(email))
        .json().get("id").asText();
  }

  @Test
  void theSameExternalIdTwiceIsStoredAndScoredOnceAndAnsweredWithTheFirstResult() {
    String externalId = "tracker-" + UUID.randomUUID();
    String body = """
        {"email": "%s", "type": "CONTENT_DOWNLOAD", "externalId": "%s",
         "details": {"contentId": "whitepaper-42", "campaign": "autumn", "utmSource": "newsletter"}}"""
        .formatted(email.toUpperCase(), externalId);

    Api.Response first = marketing.postJson("/api/interactions", body);
    Api.Response again = marketing.postJson("/api/interactions", body);

    assertThat(first.status()).as(first.toString()).isEqualTo(201);
    assertThat(again.status()).as(again.toString()).isEqualTo(200);
    assertThat(again.json().get("id").asText()).isEqualTo(first.json().get("id").asText());
    assertThat(again.json().get("points").asInt()).isEqualTo(first.json().get("points").asInt());
    assertThat(again.json().get("duplicate").asBoolean()).isTrue();
    assertThat(interactions.findByLeadIdOrderByOccurredAtAscIdAsc(leadId)).singleElement()
        .satisfies(stored -> {
          assertThat(stored.getContentId()).isEqualTo("whitepaper-42");
          assertThat(stored.getCampaign()).isEqualTo("autumn");
          assertThat(stored.getDetails()).isEqualTo("{\"utmSource\":\"newsletter\"}");
        });
    assertThat(entries.findByLeadIdOrderByAtAscIdAsc(leadId).stream()
        .filter(entry -> entry.getInteractionId() != null)).as("scored once").hasSize(1);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      unknown type          | {"leadId": "LEAD", "type": "FAX_RECEIVED"}                                  | 400 | type
      no type               | {"leadId": "LEAD"}                                                          | 400 | type
      no lead named         | {"type": "EMAIL_OPEN"}                                                      | 400 | leadId
      unknown lead id       | {"leadId": "no-such-lead", "type": "EMAIL_OPEN"}                            | 404 | leadId
      unknown email         | {"email": "nobody@example.com", "type": "EMAIL_OPEN"}                       | 404 | email
      email of another lead | {"leadId": "LEAD", "email": "someone.else@example.com", "type": "EMAIL_OPEN"} | 400 | email
      in the future         | {"leadId": "LEAD", "type": "EMAIL_OPEN", "occurredAt": "2999-01-01T00:00:00Z"} | 400 | occurredAt
      not a time            | {"leadId": "LEAD", "type": "EMAIL_OPEN", "occurredAt": "last tuesday"}      | 400 | occurredAt
      oversized url         | {"leadId": "LEAD", "type": "PAGE_VIEW", "details": {"url": "https://example.com/LONG"}} | 400 | details.url
      oversized external id | {"leadId": "LEAD", "type": "PAGE_VIEW", "externalId": "LONG"}               | 400 | externalId
      oversized details     | {"leadId": "LEAD", "type": "PAGE_VIEW", "details": {"notes": "HUGE"}}       | 400 | details
      unknown field         | {"leadId": "LEAD", "type": "PAGE_VIEW", "weather": "sunny"}                 | 400 | weather
      """)
  void aBadInteractionIsRefusedByNameAndStoresNothing(String why, String body, int status, String field) {
    long before = interactions.count();

    Api.Response response = marketing.postJson("/api/interactions",
        body.replace("LEAD", leadId).replace("LONG", "x".repeat(2100)).replace("HUGE", "y".repeat(5000)));

    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.json().get("errors").findValuesAsText("field")).contains(field);
    assertThat(interactions.count()).isEqualTo(before);
  }

  @Test
  void aBatchKeepsTheValidItemsAndAnswersEachInOrder() {
    String yesterday = OffsetDateTime.now(ZoneOffset.ofHours(2)).minusDays(1).toString();
    String batch = """
        [{"leadId": "%s", "type": "PAGE_VIEW", "occurredAt": "%s", "details": {"url": "https://example.com/pricing"}},
         {"leadId": "%s", "type": "TELEPATHY"},
         {"email": "%s", "type": "WEBINAR_REGISTERED", "details": {"campaign": "webinar-7", "channel": "zoom"}},
         {"leadId": "no-such-lead", "type": "EMAIL_OPEN"}]""".formatted(leadId, yesterday, leadId, email);

    Api.Response response = marketing.postJson("/api/interactions", batch);

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    JsonNode answers = response.json();
    assertThat(answers).hasSize(4);
    assertThat(answers.get(0).get("leadId").asText()).isEqualTo(leadId);
    assertThat(answers.get(0).get("points").asInt()).isPositive();
    assertThat(answers.get(1).get("status").asInt()).isEqualTo(400);
    assertThat(answers.get(1).get("errors").findValuesAsText("field")).containsExactly("type");
    assertThat(answers.get(2).get("id").asText()).isNotBlank();
    assertThat(answers.get(3).get("status").asInt()).isEqualTo(404);
    assertThat(interactions.findByLeadIdOrderByOccurredAtAscIdAsc(leadId)).hasSize(2);
  }

  @Test
  void aBatchOverTheLimitIsRefusedWhole() {
    String item = "{\"leadId\": \"%s\", \"type\": \"EMAIL_OPEN\"}".formatted(leadId);
    String batch = "[" + String.join(",", java.util.Collections.nCopies(501, item)) + "]";

    Api.Response response = marketing.postJson("/api/interactions", batch);

    assertThat(response.status()).isEqualTo(413);
    assertThat(interactions.findByLeadIdOrderByOccurredAtAscIdAsc(leadId)).isEmpty();
  }

  @Test
  void aBodyThatIsNeitherAnInteractionNorABatchIsABadRequest() {
    assertThat(marketing.postJson("/api/interactions", "\"page view\"").status()).isEqualTo(400);
    assertThat(marketing.postJson("/api/interactions", "{\"leadId\": ").status()).isEqualTo(400);
  }

  @Test
  void onlyMarketingAndAdministratorsMayRescoreEveryone() {
    assertThat(Api.at(port).as("crm", "demo").postJson("/api/scoring/rescore", "").status()).isEqualTo(403);
    assertThat(Api.at(port).as("crm", "demo").postJson("/api/interactions",
        "{\"leadId\": \"%s\", \"type\": \"EMAIL_OPEN\"}".formatted(leadId)).status()).as("integrations send interactions").isEqualTo(201);
  }
}
