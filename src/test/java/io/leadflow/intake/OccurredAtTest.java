package io.leadflow.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.Api;
import io.leadflow.LeadflowTest;
import io.leadflow.interaction.InteractionRepository;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Issue 11: one documented rule for occurredAt, as webhooks send it: ISO-8601 with offset, or epoch milliseconds. */
@LeadflowTest
class OccurredAtTest {

  static final long MILLIS = 1_700_000_000_000L;

  @LocalServerPort int port;
  @Autowired InteractionRepository interactions;

  Api marketing;
  String email;

  @BeforeEach
  void setUp() {
    marketing = Api.at(port).as("mia", "demo");
    email = "when." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    assertThat(marketing.postJson("/api/leads", "{\"email\": \"" + email + "\"}").status()).isEqualTo(201);
  }

  @Test
  void aNumberIsEpochMilliseconds() {
    Api.Response response = marketing.postJson("/api/interactions",
        "{\"email\": \"" + email + "\", \"type\": \"PAGE_VIEW\", \"occurredAt\": " + MILLIS + "}");

    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    assertThat(interactions.findById(response.json().get("id").asText()).orElseThrow().getOccurredAt())
        .isEqualTo(Instant.ofEpochMilli(MILLIS));
  }

  @Test
  void inABatchMillisecondsAsNumberOrTextAndIsoWithOffsetAreTheSameInstant() {
    Api.Response response = marketing.postJson("/api/interactions", """
        [{"email": "%1$s", "type": "PAGE_VIEW", "occurredAt": %2$d, "externalId": "ms-%3$s"},
         {"email": "%1$s", "type": "PAGE_VIEW", "occurredAt": "%2$d", "externalId": "text-%3$s"},
         {"email": "%1$s", "type": "PAGE_VIEW", "occurredAt": "2023-11-15T00:13:20+02:00", "externalId": "iso-%3$s"}]
        """.formatted(email, MILLIS, UUID.randomUUID()));

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    for (JsonNode answer : response.json()) {
      assertThat(answer.has("id")).as(answer.toString()).isTrue();
      assertThat(interactions.findById(answer.get("id").asText()).orElseThrow().getOccurredAt())
          .isEqualTo(Instant.ofEpochMilli(MILLIS));
    }
  }

  @Test
  void epochSecondsAndTimesWithoutOffsetAreRefusedWithTheAcceptedForms() {
    for (String when : new String[] {"1700000000", "\"2023-11-14T22:13:20\"", "1700000000000.5", "\"yesterday\""}) {
      Api.Response response = marketing.postJson("/api/interactions",
          "{\"email\": \"" + email + "\", \"type\": \"PAGE_VIEW\", \"occurredAt\": " + when + "}");

      assertThat(response.status()).as(when + ": " + response).isEqualTo(400);
      JsonNode error = response.json().get("errors").get(0);
      assertThat(error.get("field").asText()).isEqualTo("occurredAt");
      assertThat(error.get("message").asText()).contains("ISO-8601 timestamp with offset", "epoch milliseconds");
    }
  }

  @Test
  void anEmailPastedWithInvisibleCharactersOrAnUnicodeDomainFindsTheLead() {
    String pasted = "\ufeff" + email.toUpperCase().replace("@", "\u200b@") + "\u00a0";
    Api.Response response = marketing.postJson("/api/interactions",
        "{\"email\": \"" + pasted + "\", \"type\": \"PAGE_VIEW\"}");

    assertThat(response.status()).as(response.toString()).isEqualTo(201);
  }
}
