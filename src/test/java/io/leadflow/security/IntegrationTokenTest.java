package io.leadflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.Api;
import io.leadflow.LeadflowTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 17, case 4: an administrator gives the landing pages a token; a stranger failing to log in
 * again and again is slowed down by address, and never locks the landing pages out.
 */
@LeadflowTest
class IntegrationTokenTest {

  /** An integration that still logs in with a password: the stranger's target. */
  static final String WEBHOOK = "webhook";

  @LocalServerPort int port;
  @Autowired FailedLoginSettings failedLogins;
  @Autowired IdentityService identity;

  Api admin;
  Api landingPagesHost;
  Api strangersHost;

  @BeforeEach
  void setUp() {
    Api api = Api.at(port);
    admin = api.as("admin", "test-admin-password");
    landingPagesHost = api.from(Api.someClientAddress());
    strangersHost = api.from(Api.someClientAddress());
    if (identity.createUserQuery().userId(WEBHOOK).count() == 0) {
      User webhook = identity.newUser(WEBHOOK);
      webhook.setPassword("webhook-password");
      identity.saveUser(webhook);
      identity.createMembership(WEBHOOK, LeadflowGroups.INTEGRATION);
    }
  }

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  @Test
  void aStrangerFailingAgainAndAgainNeverStopsTheLandingPagesFromCapturing() {
    String token = issue("landing-pages").get("token").asText();
    Api landingPages = landingPagesHost.withToken(token);
    Instant now = freezeTime();

    List<Integer> strangersAnswers = new ArrayList<>();
    Api.Response refused = null;
    for (int attempt = 0; attempt < 3 * failedLogins.perAddress(); attempt++) {
      Api.Response stranger = attempt % 2 == 0
          ? strangersHost.as(WEBHOOK, "guess-" + attempt).get("/api/leads?size=1")
          : strangersHost.withToken(IntegrationTokens.PREFIX + UUID.randomUUID() + "." + "x".repeat(43)).get("/api/leads?size=1");
      strangersAnswers.add(stranger.status());
      if (stranger.status() == 429) {
        refused = stranger;
      }

      Api.Response capture = landingPages.postJson("/api/leads",
          "{\"email\": \"visitor-" + UUID.randomUUID() + "@example.com\", \"campaign\": \"spring-webinar\"}");
      assertThat(capture.status()).as("capture %d: %s", attempt, capture).isEqualTo(201);
    }

    assertThat(strangersAnswers.subList(0, failedLogins.perAddress())).as("failed logins until the limit").containsOnly(401);
    assertThat(strangersAnswers.subList(failedLogins.perAddress(), strangersAnswers.size())).as("then refused").containsOnly(429);
    assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    assertThat(refused.json().get("status").asInt()).isEqualTo(429);
    long retryAfter = Long.parseLong(refused.header("Retry-After"));
    assertThat(retryAfter).isPositive().isLessThanOrEqualTo(failedLogins.period().toSeconds());
    assertThat(Api.at(port).as(WEBHOOK, "webhook-password").from(Api.someClientAddress()).get("/api/leads?size=1").status())
        .as("another address is not refused for the stranger's failures (the engine's own per-user delay may still "
            + "answer 401 to a password: that is why integrations use tokens)")
        .isNotEqualTo(429);

    moveTime(now.plusSeconds(retryAfter));
    assertThat(strangersHost.as(WEBHOOK, "one-more-guess").get("/api/leads?size=1").status())
        .as("after Retry-After, the stranger may try again").isEqualTo(401);
  }

  @Test
  void aTokenIsListedWithItsLastUseNeverItsSecretAndOnceRevokedItIsRefused() {
    JsonNode issued = issue("crm-sync");
    String id = issued.get("id").asText();
    String token = issued.get("token").asText();
    assertThat(token).startsWith("lf_" + id + ".");
    Api crmSync = landingPagesHost.withToken(token);
    assertThat(tokenListed(id).has("lastUsedAt")).as("not used yet").isFalse();

    Instant used = freezeTime();
    assertThat(crmSync.get("/api/leads?size=1").status()).isEqualTo(200);

    Api.Response list = admin.get("/api/integrations/tokens");
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.body()).doesNotContain(token.substring(token.indexOf('.') + 1)).doesNotContain("$2a$");
    JsonNode listed = tokenListed(id);
    assertThat(listed.get("name").asText()).isEqualTo("crm-sync");
    assertThat(listed.get("createdBy").asText()).isEqualTo("admin");
    assertThat(listed.has("token")).isFalse();
    assertThat(Instant.parse(listed.get("lastUsedAt").asText())).isEqualTo(used);

    assertThat(admin.delete("/api/integrations/tokens/" + id).status()).isEqualTo(204);

    Api.Response afterRevocation = crmSync.get("/api/leads?size=1");
    assertThat(afterRevocation.status()).isEqualTo(401);
    assertThat(afterRevocation.header("Content-Type")).startsWith("application/problem+json");
    assertThat(tokenListed(id).get("revokedAt").asText()).isNotBlank();
    assertThat(admin.delete("/api/integrations/tokens/" + UUID.randomUUID()).status()).isEqualTo(404);
  }

  @Test
  void onlyAdministratorsManageTokensAndATokenIsNoAdministrator() {
    String token = issue("tracker").get("token").asText();
    int tokensBefore = admin.get("/api/integrations/tokens").json().size();
    Api api = Api.at(port).from(Api.someClientAddress());
    String body = "{\"name\": \"my own\"}";

    for (Api notAnAdministrator : List.of(api.as("mia", "demo"), api.as("crm", "demo"), api.withToken(token))) {
      Api.Response issue = notAnAdministrator.postJson("/api/integrations/tokens", body);
      assertThat(issue.status()).isEqualTo(403);
      assertThat(issue.header("Content-Type")).startsWith("application/problem+json");
      assertThat(notAnAdministrator.get("/api/integrations/tokens").status()).isEqualTo(403);
    }
    assertThat(api.withToken(token).get("/api/leads?size=1").status()).as("what the token is for").isEqualTo(200);
    assertThat(api.withToken(token).postJson("/api/scoring/rescore", "{}").status())
        .as("an integration's rights, no more").isEqualTo(403);
    assertThat(admin.get("/api/integrations/tokens").json()).hasSize(tokensBefore);
  }

  @Test
  void aTokenNeedsANameOfPrintableCharacters() {
    int tokensBefore = admin.get("/api/integrations/tokens").json().size();

    for (String body : List.of("{}", "{\"name\": \"  \"}", "{\"name\": \"crm\\u0000\"}", "{\"name\": \"" + "x".repeat(81) + "\"}")) {
      Api.Response invalid = admin.postJson("/api/integrations/tokens", body);
      assertThat(invalid.status()).as(body).isEqualTo(400);
      assertThat(invalid.header("Content-Type")).startsWith("application/problem+json");
      assertThat(invalid.json().get("errors").findValuesAsText("field")).as(body).containsOnly("name");
    }
    assertThat(admin.get("/api/integrations/tokens").json()).hasSize(tokensBefore);
  }

  private JsonNode issue(String name) {
    Api.Response issued = admin.postJson("/api/integrations/tokens", "{\"name\": \"" + name + "\"}");
    assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
    assertThat(issued.header("Location")).endsWith("/api/integrations/tokens/" + issued.json().get("id").asText());
    return issued.json();
  }

  private JsonNode tokenListed(String id) {
    for (JsonNode token : admin.get("/api/integrations/tokens").json()) {
      if (token.get("id").asText().equals(id)) {
        return token;
      }
    }
    throw new AssertionError("token " + id + " is not listed");
  }

  /** Time stands still (the rate limits and last use read the application's clock). */
  private static Instant freezeTime() {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    moveTime(now);
    return now;
  }

  private static void moveTime(Instant to) {
    ClockUtil.setCurrentTime(Date.from(to));
  }
}
