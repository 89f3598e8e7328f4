package io.leadflow.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadflow.Api;
import io.leadflow.LeadflowTest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Marketing records a campaign and its costs, corrects them, and gets told what is wrong with bad input. */
@LeadflowTest
class CampaignApiTest {

  @LocalServerPort int port;

  Api marketing;
  String key;

  @BeforeEach
  void setUp() {
    marketing = Api.at(port).as("mia", "demo");
    key = "autumn-fair-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void aCampaignIsRecordedWithItsCostsAndAPutReplacesThemAll() {
    Api.Response created = marketing.postJson("/api/campaigns", """
        {"key": "%s", "name": " Autumn fair ", "channel": "event", "startsOn": "2026-09-01", "endsOn": "2026-09-30",
         "costs": [{"on": "2026-09-02", "amount": 2500.5, "currency": "eur"}]}""".formatted(key));

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.header("Location")).endsWith("/api/campaigns/" + key);
    assertThat(created.json().get("name").asText()).isEqualTo("Autumn fair");
    assertThat(created.json().get("costs").get(0).get("currency").asText()).isEqualTo("EUR");
    assertThat(created.json().get("costs").get(0).get("amount").decimalValue()).isEqualByComparingTo("2500.50");

    Api.Response replaced = marketing.putJson("/api/campaigns/" + key, """
        {"name": "Autumn fair", "costs": [{"on": "2026-09-02", "amount": 2000, "currency": "EUR"},
                                          {"on": "2026-09-20", "amount": 300, "currency": "EUR"}]}""");
    assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
    Api.Response read = marketing.get("/api/campaigns/" + key);
    assertThat(read.json().get("costs")).hasSize(2);
    assertThat(read.json().get("costs").get(1).get("on").asText()).isEqualTo("2026-09-20");
    assertThat(read.json().has("channel")).as("a PUT replaces the whole campaign").isFalse();
    assertThat(marketing.get("/api/campaigns").body()).contains(key);
  }

  @Test
  void badInputIsAProblemNamingEachFieldAndNothingIsStored() {
    Api.Response bad = marketing.postJson("/api/campaigns", """
        {"key": "%s", "name": "", "startsOn": "2026-09-30", "endsOn": "2026-09-01",
         "costs": [{"on": "2026-09-02", "amount": -5, "currency": "EURO"}, {"on": "2026-09-02", "amount": 5, "currency": "ABC"}]}"""
        .formatted(key));

    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.header("Content-Type")).startsWith("application/problem+json");
    assertThat(bad.body()).contains("\"name\"", "costs[0].amount", "costs[0].currency", "costs[1].knownCurrency", "endsOnAfterStart");
    assertThat(marketing.get("/api/campaigns/" + key).status()).isEqualTo(404);

    assertThat(marketing.postJson("/api/campaigns", "{\"key\": \"%s\", \"name\": \"Fair\"}".formatted(key)).status()).isEqualTo(201);
    assertThat(marketing.postJson("/api/campaigns", "{\"key\": \"%s\", \"name\": \"Fair\"}".formatted(key)).status())
        .as("the key is taken").isEqualTo(409);
    assertThat(Api.at(port).as("sam", "demo").get("/api/campaigns").status()).as("a sales rep").isEqualTo(403);
  }
}
