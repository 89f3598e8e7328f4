package io.leadflow.scoring;

import static io.leadflow.scoring.LeadScoringTest.entriesOf;
import static io.leadflow.scoring.ScoringFixture.assertLedgerExplainsScore;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.Api;
import io.leadflow.LeadflowTest;
import io.leadflow.ModelerDeploy;
import io.leadflow.decision.DeployedDecisions;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Scores age, and follow new rules: the nightly decay run and the rescore after a new DMN version. */
@LeadflowTest
class ScoreRecalculationTest {

  @LocalServerPort int port;
  @Autowired DeployedDecisions decisions;
  @Autowired ProcessEngine engine;
  @Autowired DecayPolicy decay;

  Api marketing;
  ScoringFixture given;
  boolean engagementRulesChanged;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    marketing = Api.at(port).as("mia", "demo");
    given = new ScoringFixture(marketing, decisions);
  }

  @AfterEach
  void restore() {
    ClockUtil.reset();
    if (engagementRulesChanged) {
      deployEngagementRules(originalEngagementRules());
    }
  }

  @Test
  void anInteractionReportedLateIsWorthWhatItsAgeLeaves() {
    String lead = given.aLeadAt("Late Reporter Ltd");
    Instant sixtyDaysAgo = Instant.now().minus(Duration.ofDays(60));

    Api.Response response = marketing.postJson("/api/interactions", """
        {"leadId": "%s", "type": "WEBINAR_ATTENDED", "occurredAt": "%s"}""".formatted(lead, sixtyDaysAgo));

    int full = given.dmnEngagement("WEBINAR_ATTENDED", null, 1);
    assertThat(full).isGreaterThanOrEqualTo(8);
    assertThat(response.json().get("points").asInt()).as("two half-lives old: a quarter")
        .isEqualTo((int) Math.round(full * 0.25));
  }

  @Test
  void aQuietLeadCoolsDownEveryNightAndLosesAQualificationItWasNotYetHandedOverWith() {
    String lead = given.anIdealLeadAt("Cooling Down AG");
    for (String type : List.of("CONTENT_DOWNLOAD", "WEBINAR_ATTENDED", "WEB_INQUIRY", "CONTENT_DOWNLOAD", "EMAIL_CLICK")) {
      given.points(lead, type, null);
    }
    JsonNode engaged = given.score(lead);
    assertThat(engaged.get("qualification").asText()).isEqualTo("MARKETING_QUALIFIED");

    at(Instant.now().plus(Duration.ofDays(90)));
    runTheNightlyRecalculation();

    JsonNode cooled = given.score(lead);
    assertThat(cooled.get("engagement").asInt()).as("90 days: three half-lives, an eighth is left")
        .isLessThan(engaged.get("engagement").asInt()).isPositive();
    assertThat(entriesOf(cooled, "ENGAGEMENT")).anySatisfy(entry -> {
      assertThat(entry.get("cause").asText()).isEqualTo("DECAY");
      assertThat(entry.get("points").asInt()).isNegative();
    });
    assertThat(cooled.get("qualification").asText()).isEqualTo("NURTURE");
    assertThat(given.leadView(lead).get("status").asText()).isEqualTo("NURTURING");
    assertLedgerExplainsScore(cooled);

    at(Instant.now().plus(decay.maxAge()).plus(Duration.ofDays(1)));
    runTheNightlyRecalculation();

    JsonNode cold = given.score(lead);
    assertThat(cold.get("engagement").asInt()).as("older than the maximum age: nothing left").isZero();
    assertThat(cold.get("fit").asInt()).as("fit does not decay").isEqualTo(engaged.get("fit").asInt());
    assertLedgerExplainsScore(cold);
  }

  @Test
  void aNewVersionOfTheEngagementRulesScoresNewInteractionsAtOnceAndARescoreRecalculatesTheOldOnes() {
    String earlier = given.aLeadAt("Before The Change Ltd");
    given.points(earlier, "PAGE_VIEW", "https://example.com/pricing");
    JsonNode before = given.score(earlier);
    JsonNode pricingEntry = entriesOf(before, "ENGAGEMENT").get(0);
    int oldVersion = pricingEntry.get("decisionVersion").asInt();

    // a designer changes the pricing page rule to 77 points in Camunda Modeler and deploys
    DmnModelInstance rules = Dmn.readModelFromStream(
        new java.io.ByteArrayInputStream(originalEngagementRules().getBytes(StandardCharsets.UTF_8)));
    Rule pricing = rules.getModelElementById(pricingEntry.get("rule").asText());
    pricing.getOutputEntries().iterator().next().getText().setTextContent("77");
    engagementRulesChanged = true;
    HttpResponse<String> deployed = deployEngagementRules(Dmn.convertToString(rules));
    assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);

    String later = given.aLeadAt("After The Change Ltd");
    assertThat(given.points(later, "PAGE_VIEW", "https://example.com/pricing")).as("the next interaction").isEqualTo(77);
    assertThat(entriesOf(given.score(later), "ENGAGEMENT").get(0).get("decisionVersion").asInt()).isEqualTo(oldVersion + 1);
    assertThat(given.score(earlier).get("engagement").asInt()).as("unchanged until the rescore")
        .isEqualTo(before.get("engagement").asInt());

    Api.Response rescore = marketing.postJson("/api/scoring/rescore", "");
    assertThat(rescore.status()).as(rescore.toString()).isEqualTo(202);
    String job = rescore.json().get("id").asText();
    assertThat(rescore.header("Location")).endsWith("/api/scoring/rescore/" + job);
    assertThat(rescore.json().get("status").asText()).isEqualTo("RUNNING");
    runToTheEnd(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(job).singleResult());

    JsonNode progress = marketing.get("/api/scoring/rescore/" + job).json();
    assertThat(progress.get("status").asText()).isEqualTo("COMPLETED");
    assertThat(progress.get("leadsDone").asLong()).isEqualTo(progress.get("leadsTotal").asLong()).isGreaterThanOrEqualTo(2);
    assertThat(progress.get("requestedBy").asText()).isEqualTo("mia");
    JsonNode after = given.score(earlier);
    assertThat(after.get("engagement").asInt()).isEqualTo(77);
    assertThat(entriesOf(after, "ENGAGEMENT")).anySatisfy(entry -> {
      assertThat(entry.get("cause").asText()).isEqualTo("RESCORE");
      assertThat(entry.get("decisionVersion").asInt()).isEqualTo(oldVersion + 1);
    });
    assertLedgerExplainsScore(after);
    assertThat(marketing.get("/api/scoring/rescore/no-such-job").status()).isEqualTo(404);
  }

  private void at(Instant instant) {
    ClockUtil.setCurrentTime(Date.from(instant));
  }

  /** What the job executor does at 02:00: the timer starts a run, whose batches are jobs too. */
  private void runTheNightlyRecalculation() {
    Job timer = engine.getManagementService().createJobQuery()
        .processDefinitionKey(ScoreRecalculationProcess.KEY).timers().singleResult();
    execute(timer);
    ProcessInstance run = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(ScoreRecalculationProcess.KEY).variableValueEquals("cause", "DECAY").active().singleResult();
    runToTheEnd(run);
  }

  private void runToTheEnd(ProcessInstance run) {
    for (int batch = 0; batch < 1000 && engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(run.getId()).count() > 0; batch++) {
      execute(job(run));
    }
    assertThat(run).hasPassed(ScoreRecalculationProcess.Elements.END_SCORES_RECALCULATED).isEnded();
  }

  private HttpResponse<String> deployEngagementRules(String dmn) {
    return ModelerDeploy.deploy(port, "mia", "demo", "scoring-rules-change", "engagement-score.dmn", dmn);
  }

  private static String originalEngagementRules() {
    try (InputStream in = ScoreRecalculationTest.class.getResourceAsStream("/bpmn/engagement-score.dmn")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
