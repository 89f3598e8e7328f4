package io.leadflow.scoring;

import static io.leadflow.scoring.ScoringFixture.assertLedgerExplainsScore;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.Api;
import io.leadflow.LeadflowTest;
import io.leadflow.decision.DeployedDecisions;
import io.leadflow.journey.LeadNurturingProcess;
import io.leadflow.lead.Leads;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Interactions arrive, the DMN scores them, the ledger explains the score, qualification follows. */
@LeadflowTest
class LeadScoringTest {

  @LocalServerPort int port;
  @Autowired DeployedDecisions decisions;
  @Autowired ProcessEngine engine;
  @Autowired Leads leads;

  Api marketing;
  ScoringFixture given;

  @BeforeEach
  void setUp() {
    marketing = Api.at(port).as("mia", "demo");
    given = new ScoringFixture(marketing, decisions);
  }

  @Test
  void aLeadThatViewsThePricingPageGainsEngagementAndTheLedgerSaysWhy() {
    String lead = given.aLeadAt("Pricing Viewers Ltd");

    Api.Response response = given.interaction(lead, "PAGE_VIEW", "https://www.example.com/pricing");

    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    JsonNode answer = response.json();
    int points = answer.get("points").asInt();
    assertThat(points).isPositive().isEqualTo(given.dmnPoints("PAGE_VIEW", "https://www.example.com/pricing", 1));
    assertThat(answer.get("leadId").asText()).isEqualTo(lead);
    assertThat(answer.get("duplicate").asBoolean()).isFalse();

    JsonNode score = given.score(lead);
    assertThat(score.get("engagement").asInt()).isEqualTo(points);
    JsonNode entry = entriesOf(score, "ENGAGEMENT").get(0);
    assertThat(entry.get("decision").asText()).isEqualTo("engagement-score");
    assertThat(entry.get("decisionVersion").asInt()).isEqualTo(decisions.version("engagement-score"));
    assertThat(entry.get("rule").asText()).startsWith("Rule_");
    assertThat(entry.get("reason").asText()).isNotBlank();
    assertThat(entry.get("cause").asText()).isEqualTo("INTERACTION");
    assertThat(entry.get("interactionId").asText()).isEqualTo(answer.get("id").asText());
    assertThat(entriesOf(score, "FIT")).as("the profile's fit is explained too").isNotEmpty()
        .allSatisfy(fit -> assertThat(fit.get("cause").asText()).isEqualTo("PROFILE"));
    assertLedgerExplainsScore(score);
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(nullValues = "none", textBlock = """
      PAGE_VIEW,          https://example.com/pricing
      PAGE_VIEW,          https://example.com/blog/lead-scoring-101
      PAGE_VIEW,          https://example.com/careers/engineer
      PAGE_VIEW,          https://example.com/about
      PAGE_VIEW,          none
      CONTENT_DOWNLOAD,   none
      EMAIL_OPEN,         none
      EMAIL_CLICK,        https://example.com/whitepaper
      FORM_SUBMISSION,    none
      WEB_INQUIRY,        none
      WEBINAR_REGISTERED, none
      WEBINAR_ATTENDED,   none
      DEMO_REQUEST,       none
      QUOTE_REQUEST,      none
      PRICE_LIST_REQUEST, none
      SOCIAL_MENTION,     none
      SOCIAL_SHARE,       none
      UNSUBSCRIBE,        none
      EMAIL_BOUNCE,       none
      """)
  void eachKindOfInteractionScoresWhatTheDecisionTablesSay(String type, String url) {
    String lead = given.aLeadAt("Every Type Inc");

    int points = given.points(lead, type, url);

    assertThat(points).isEqualTo(given.dmnPoints(type, url, 1));
    assertLedgerExplainsScore(given.score(lead));
  }

  @Test
  void unsubscribingAndBouncingAndJobHuntingCostPoints() {
    String lead = given.aLeadAt("Negative Co");

    assertThat(given.points(lead, "PAGE_VIEW", "https://example.com/careers/sales")).isNegative();
    assertThat(given.points(lead, "EMAIL_BOUNCE", null)).isNegative();
    assertThat(given.points(lead, "UNSUBSCRIBE", null)).isNegative();

    assertThat(given.leadView(lead).get("status").asText()).as("an unsubscribed lead is not contacted again")
        .isEqualTo("UNSUBSCRIBED");
    assertLedgerExplainsScore(given.score(lead));
  }

  @Test
  void fortyRefreshesOfThePricingPageAreNotFortyVisits() {
    String lead = given.aLeadAt("Refreshers GmbH");
    List<Integer> points = new ArrayList<>();

    for (int view = 1; view <= 40; view++) {
      points.add(given.points(lead, "PAGE_VIEW", "https://example.com/pricing"));
    }

    assertThat(points.get(0)).isPositive();
    assertThat(points.get(39)).as("over the daily cap a view scores nothing").isZero();
    assertThat(points.stream().filter(p -> p > 0).count()).as("only the first few views of the day count").isLessThan(10);
    for (int view = 1; view <= 40; view++) {
      assertThat(points.get(view - 1)).as("view " + view).isEqualTo(given.dmnPoints("PAGE_VIEW", "https://example.com/pricing", view));
    }
    assertLedgerExplainsScore(given.score(lead));
  }

  /** Issue 12, case 3: the daily cap is kept per rule, so the strongest buying signal of the day is not dropped. */
  @Test
  void threeBlogPostsThenThePricingPageScore2_2_2AndThePricingPagesFullPoints() {
    String lead = given.aLeadAt("Blog Readers Ltd");

    List<Integer> points = List.of(
        given.points(lead, "PAGE_VIEW", "https://example.com/blog/lead-scoring-101"),
        given.points(lead, "PAGE_VIEW", "https://example.com/blog/nurturing-cadence"),
        given.points(lead, "PAGE_VIEW", "https://example.com/blog/intent-data"),
        given.points(lead, "PAGE_VIEW", "https://example.com/pricing"));

    assertThat(points).containsExactly(2, 2, 2, 10);
    assertLedgerExplainsScore(given.score(lead));
  }

  /** Issue 12, case 3: job hunting uses up the careers page's cap, not the pricing page's. */
  @Test
  void threeCareersPagesThenThePricingPageScoreThePricingPagesPoints() {
    String lead = given.aLeadAt("Job Seekers Ltd");

    List<Integer> points = List.of(
        given.points(lead, "PAGE_VIEW", "https://example.com/careers"),
        given.points(lead, "PAGE_VIEW", "https://example.com/careers/engineer"),
        given.points(lead, "PAGE_VIEW", "https://example.com/jobs?id=42"),
        given.points(lead, "PAGE_VIEW", "https://example.com/pricing"));

    assertThat(points).containsExactly(-5, -5, -5, 10);
    assertLedgerExplainsScore(given.score(lead));
  }

  /** Each rule's cap counts what that rule matched: the 4th pricing page view scores 0, the next blog post still 2. */
  @Test
  void eachRuleCountsItsOwnCap() {
    String lead = given.aLeadAt("Cap Counters Ltd");
    for (int view = 1; view <= 3; view++) {
      assertThat(given.points(lead, "PAGE_VIEW", "https://example.com/pricing")).as("pricing view " + view).isEqualTo(10);
    }

    assertThat(given.points(lead, "PAGE_VIEW", "https://example.com/pricing/enterprise")).as("4th pricing view").isZero();
    assertThat(given.points(lead, "PAGE_VIEW", "https://example.com/blog/lead-scoring-101")).as("1st blog post").isEqualTo(2);
  }

  @ParameterizedTest(name = "a {0} goes straight to sales")
  @CsvSource({"DEMO_REQUEST", "QUOTE_REQUEST", "PRICE_LIST_REQUEST"})
  void aHotActionQualifiesTheLeadForSalesAtOnceWhateverItsTotal(String hotAction) {
    String lead = given.aLeadAt("Hot Leads Ltd");
    ProcessInstance journey = journeyOf(lead);

    given.points(lead, hotAction, null);

    JsonNode score = given.score(lead);
    assertThat(score.get("qualification").asText()).isEqualTo("SALES_QUALIFIED");
    assertThat(score.get("stage").asText()).isEqualTo("BOFU");
    assertThat(given.leadView(lead).get("status").asText()).isEqualTo("SALES_QUALIFIED");
    assertThat(engine.getRuntimeService().getVariables(journey.getId()))
        .as("the journey is told what it branches on; the score and rating stay in the lead")
        .containsEntry("status", "SALES_QUALIFIED").containsEntry("stage", "BOFU")
        .doesNotContainKeys("score", "rating");
  }

  @Test
  void anIdealLeadThatEngagesBecomesMarketingQualifiedWithATopRating() {
    String lead = given.anIdealLeadAt("Persona Software AG");
    assertThat(given.score(lead).get("rating").asText()).as("ideal fit, no engagement yet").startsWith("A");

    for (String type : List.of("CONTENT_DOWNLOAD", "WEBINAR_ATTENDED", "WEB_INQUIRY", "CONTENT_DOWNLOAD", "EMAIL_CLICK")) {
      given.points(lead, type, "https://example.com/resources");
    }

    JsonNode score = given.score(lead);
    assertThat(score.get("rating").asText()).isIn("A1", "A2");
    assertThat(score.get("qualification").asText()).isEqualTo("MARKETING_QUALIFIED");
    assertThat(given.leadView(lead).get("status").asText()).isEqualTo("MARKETING_QUALIFIED");
    assertLedgerExplainsScore(score);
  }

  @Test
  void anInteractionThatChangesNothingDoesNotTouchTheJourney() {
    String lead = given.aLeadAt("Quiet Reader Ltd");
    ProcessInstance journey = journeyOf(lead);
    Map<String, Integer> revisions = variableRevisions(journey);

    given.points(lead, "EMAIL_OPEN", null);

    assertThat(given.score(lead).get("stage").asText()).isEqualTo("TOFU");
    assertThat(variableRevisions(journey)).as("no variable of the journey was written").isEqualTo(revisions);
  }

  /** Each variable of the journey and its revision (it goes up with every write, even of the same value). */
  private Map<String, Integer> variableRevisions(ProcessInstance journey) {
    return engine.getRuntimeService().createVariableInstanceQuery().processInstanceIdIn(journey.getId()).list().stream()
        .collect(Collectors.toMap(VariableInstance::getName, variable -> ((VariableInstanceEntity) variable).getRevision()));
  }

  @Test
  void aChangedProfileRescoresTheFitAndTheLedgerRecordsTheDifference() {
    String email = ScoringFixture.email();
    String lead = given.captured("""
        {"email": "%s", "company": "Changing Co", "jobTitle": "Student", "companySize": 5}""".formatted(email));
    int fitBefore = given.score(lead).get("fit").asInt();

    marketing.postJson("/api/leads", """
        {"email": "%s", "jobTitle": "Chief Technology Officer", "companySize": 400, "industry": "Software", "country": "DE"}"""
        .formatted(email));

    JsonNode score = given.score(lead);
    assertThat(score.get("fit").asInt()).isGreaterThan(fitBefore);
    assertThat(entriesOf(score, "FIT")).as("a rule that no longer applies is taken back")
        .anySatisfy(entry -> assertThat(entry.get("points").asInt()).isNegative());
    assertLedgerExplainsScore(score);
  }

  @Test
  void leadsOfOneCompanyMakeAnAccountScore() {
    String first = given.aLeadAt("Account Holdings");
    String second = given.aLeadAt("  account holdings ");
    given.points(first, "CONTENT_DOWNLOAD", null);
    given.points(second, "WEB_INQUIRY", null);

    JsonNode account = given.score(first).get("account");

    int engagement = given.score(first).get("engagement").asInt() + given.score(second).get("engagement").asInt();
    assertThat(account.get("company").asText()).isEqualTo("Account Holdings");
    assertThat(account.get("leads").asInt()).isEqualTo(2);
    assertThat(account.get("score").asInt()).as("both leads' engagement plus the company's fit")
        .isGreaterThanOrEqualTo(engagement).isEqualTo(given.score(second).get("account").get("score").asInt());
  }

  private ProcessInstance journeyOf(String leadId) {
    return engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(LeadNurturingProcess.KEY).processInstanceBusinessKey(leadId).singleResult();
  }

  static List<JsonNode> entriesOf(JsonNode score, String dimension) {
    List<JsonNode> entries = new ArrayList<>();
    score.get("entries").forEach(entry -> {
      if (entry.get("dimension").asText().equals(dimension)) {
        entries.add(entry);
      }
    });
    return entries;
  }
}
