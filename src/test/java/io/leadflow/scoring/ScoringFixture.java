package io.leadflow.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.Api;
import io.leadflow.decision.DecisionOutcome;
import io.leadflow.decision.DeployedDecisions;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Leads and interactions sent over the API as integrations send them, and what the DMN says they are worth. */
public final class ScoringFixture {

  private final Api marketing;
  private final DeployedDecisions decisions;

  ScoringFixture(Api marketing, DeployedDecisions decisions) {
    this.marketing = marketing;
    this.decisions = decisions;
  }

  /** A lead with a middling profile: not an ideal fit, so engagement decides its rating. */
  String aLeadAt(String company) {
    return captured("""
        {"email": "%s", "firstName": "Lee", "company": "%s", "companySize": 30, "industry": "Education",
         "jobTitle": "Analyst", "country": "BR"}""".formatted(email(), company));
  }

  /** The buyer persona: a CTO of a mid-sized software company in a served market. */
  String anIdealLeadAt(String company) {
    return captured("""
        {"email": "%s", "firstName": "Ida", "company": "%s", "companySize": 300, "industry": "Software",
         "jobTitle": "CTO", "country": "DE", "social": {"linkedin": "in/ida"}}""".formatted(email(), company));
  }

  String captured(String json) {
    Api.Response response = marketing.postJson("/api/leads", json);
    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    return response.json().get("id").asText();
  }

  Api.Response interaction(String leadId, String type, String url) {
    return marketing.postJson("/api/interactions", """
        {"leadId": "%s", "type": "%s"%s}""".formatted(leadId, type,
        url == null ? "" : ", \"details\": {\"url\": \"" + url + "\"}"));
  }

  int points(String leadId, String type, String url) {
    Api.Response response = interaction(leadId, type, url);
    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    return response.json().get("points").asInt();
  }

  JsonNode score(String leadId) {
    Api.Response response = marketing.get("/api/leads/" + leadId + "/score");
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }

  JsonNode leadView(String leadId) {
    return marketing.get("/api/leads/" + leadId).json();
  }

  /**
   * What the deployed engagement and social tables give an interaction: the points intake must
   * answer. {@code timesToday} counts this one; the lead's other actions that day matched the
   * same rules (the engagement table's caps are per rule).
   */
  int dmnPoints(String type, String url, int timesToday) {
    Map<String, Object> engagement = new HashMap<>();
    engagement.put("type", type);
    engagement.put("url", url);
    Map<String, Object> social = new HashMap<>();
    social.put("type", type);
    social.put("hasLinkedin", false);
    social.put("hasTwitter", false);
    social.put("timesToday", timesToday);
    return withinCaps(decisions.evaluate("engagement-score", engagement), timesToday)
        + sum(decisions.evaluate("social-score", social));
  }

  int dmnEngagement(String type, String url, int timesToday) {
    Map<String, Object> engagement = new HashMap<>();
    engagement.put("type", type);
    engagement.put("url", url);
    return withinCaps(decisions.evaluate("engagement-score", engagement), timesToday);
  }

  /** The points of the rules whose daily cap the rule's {@code timesToday}th action of the day is within. */
  private static int withinCaps(DecisionOutcome outcome, int timesToday) {
    return outcome.matchedRules().stream()
        .filter(rule -> !(rule.outputs().get("dailyCap") instanceof Number cap) || timesToday <= cap.intValue())
        .mapToInt(rule -> ((Number) rule.outputs().get("points")).intValue()).sum();
  }

  private static int sum(DecisionOutcome outcome) {
    return outcome.matchedRules().stream()
        .mapToInt(rule -> ((Number) rule.outputs().get("points")).intValue()).sum();
  }

  /** The totals equal the sums of the ledger entries, per dimension and in all. */
  public static void assertLedgerExplainsScore(JsonNode score) {
    Map<String, Integer> sums = new HashMap<>(Map.of("FIT", 0, "ENGAGEMENT", 0, "SOCIAL", 0));
    for (JsonNode entry : score.get("entries")) {
      sums.merge(entry.get("dimension").asText(), entry.get("points").asInt(), Integer::sum);
    }
    assertThat(score.get("fit").asInt()).as("fit = its entries").isEqualTo(sums.get("FIT"));
    assertThat(score.get("engagement").asInt()).as("engagement = its entries").isEqualTo(sums.get("ENGAGEMENT"));
    assertThat(score.get("social").asInt()).as("social = its entries").isEqualTo(sums.get("SOCIAL"));
    assertThat(score.get("total").asInt()).isEqualTo(sums.values().stream().mapToInt(Integer::intValue).sum());
  }

  static String email() {
    return "scored." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
  }
}
