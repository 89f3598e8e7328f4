package io.leadflow.scoring.dmn;

import static io.leadflow.scoring.dmn.DmnFile.rules;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code bpmn/engagement-score.dmn}: the points one interaction of a lead earns (implicit score). */
class EngagementScoreDecisionTest {

  private static final DmnFile FILE = DmnFile.load("engagement-score.dmn");
  private static final String DECISION = "engagement-score";
  private static final String PRICING = "https://www.example.com/pricing";

  /**
   * What the Java passes for one interaction. The daily caps are not inputs: each rule names its
   * cap and the Java counts the day's actions per rule (tested through HTTP in LeadScoringTest).
   */
  record Interaction(String description, String type, String url) {

    Map<String, Object> variables() {
      return DmnFile.variables("type", type, "url", url);
    }

    @Override
    public String toString() {
      return description;
    }
  }

  /**
   * An interaction, its points, the daily cap of the rule that gives them (null: none) and the
   * rules that match (the catch-all matches every one).
   */
  record Case(Interaction interaction, int points, Integer dailyCap, List<String> rules) {

    @Override
    public String toString() {
      return interaction + " -> " + points;
    }
  }

  private static Case when(String description, String type, String url, int points, Integer dailyCap, String... rules) {
    List<String> expected = new ArrayList<>(rules("StartAtZero"));
    expected.addAll(rules(rules));
    return new Case(new Interaction(description, type, url), points, dailyCap, expected);
  }

  static Stream<Case> pageViews() {
    return Stream.of(
        when("a first pricing page view today shows buying intent", "PAGE_VIEW", PRICING, 10, 3, "PricingPage"),
        when("a pricing URL in capitals with a query is a pricing page", "PAGE_VIEW", "HTTPS://EXAMPLE.COM/Pricing?plan=pro", 10, 3, "PricingPage"),
        when("a page below /pricing is a pricing page", "PAGE_VIEW", "https://example.com/pricing/enterprise", 10, 3, "PricingPage"),
        when("a pricing page named only in another page's query is that other page (issue 12, case 4)", "PAGE_VIEW", "https://example.com/contact?next=/pricing", 1, 5, "OtherPage"),
        when("a pricing page named only in the fragment is that other page", "PAGE_VIEW", "https://example.com/contact#/pricing", 1, 5, "OtherPage"),
        when("a pricing page in a language folder is a pricing page", "PAGE_VIEW", "https://example.com/en/pricing", 10, 3, "PricingPage"),
        when("a path only starting with pricing is another page", "PAGE_VIEW", "https://example.com/pricingless", 1, 5, "OtherPage"),
        when("a host named pricing is not the pricing page", "PAGE_VIEW", "https://pricing.example.com/contact", 1, 5, "OtherPage"),
        when("a bare path is read as a path", "PAGE_VIEW", "/pricing?plan=pro", 10, 3, "PricingPage"),
        when("a careers page view is a job seeker's", "PAGE_VIEW", "https://example.com/careers/engineer", -5, 3, "CareersPage"),
        when("a jobs page view is a job seeker's", "PAGE_VIEW", "https://example.com/jobs?id=42", -5, 3, "CareersPage"),
        when("a pricing job ad is a careers page, not a pricing page", "PAGE_VIEW", "https://example.com/careers/pricing-analyst", -5, 3, "CareersPage"),
        when("a blog post is a blog page", "PAGE_VIEW", "https://example.com/blog/lead-scoring-101", 2, 5, "BlogPage"),
        when("a blog post about jobs to be done is a blog page, not a job ad", "PAGE_VIEW", "https://example.com/blog/jobs-to-be-done", 2, 5, "BlogPage"),
        when("a blog post about pricing is a blog post: the rule is on the path segment, not a substring", "PAGE_VIEW", "https://example.com/blog/pricing-explained", 2, 5, "BlogPage"),
        when("the home page is any other page", "PAGE_VIEW", "https://example.com/", 1, 5, "OtherPage"),
        when("a page view without a URL is any other page", "PAGE_VIEW", null, 1, 5, "OtherPage"));
  }

  static Stream<Case> otherInteractions() {
    return Stream.of(
        when("a content download shows real interest", "CONTENT_DOWNLOAD", null, 15, 5, "ContentDownload"),
        when("an email open is a small positive response", "EMAIL_OPEN", null, 2, 3, "EmailOpen"),
        when("a click on a pricing link in an email is a click, not a page view", "EMAIL_CLICK", PRICING, 5, 5, "EmailClick"),
        when("a form submission wants something from us", "FORM_SUBMISSION", null, 10, 3, "FormSubmission"),
        when("a web inquiry is a direct question", "WEB_INQUIRY", null, 25, 3, "WebInquiry"),
        when("a webinar registration shows interest", "WEBINAR_REGISTERED", null, 10, 2, "WebinarRegistered"),
        when("attending a webinar is an hour given to us", "WEBINAR_ATTENDED", null, 25, 2, "WebinarAttended"),
        when("a demo request evaluates us as a vendor", "DEMO_REQUEST", null, 40, 1, "DemoRequest"),
        when("a quote request prepares a purchase", "QUOTE_REQUEST", null, 40, 1, "QuoteRequest"),
        when("a price list request shows buying intent", "PRICE_LIST_REQUEST", null, 30, 1, "PriceListRequest"),
        when("an unsubscribe counts against the lead", "UNSUBSCRIBE", null, -30, null, "Unsubscribe"),
        when("a bounced email counts against the lead", "EMAIL_BOUNCE", null, -10, null, "EmailBounce"),
        when("a spam complaint counts against the lead as much as an unsubscribe", "EMAIL_COMPLAINT", null, -30, null, "EmailComplaint"),
        when("choosing topics in the preference centre instead of leaving is a little interest, once a day", "PREFERENCES_CHANGED", null,
            3, 1, "PreferencesChanged"),
        when("a social mention scores in the social score, not here", "SOCIAL_MENTION", null, 0, null),
        when("a social share scores in the social score, not here", "SOCIAL_SHARE", null, 0, null));
  }

  static Stream<Case> unknowns() {
    return Stream.of(
        when("an interaction with nothing known scores 0, not null", null, null, 0, null),
        when("a pricing URL without a type scores 0", null, PRICING, 0, null),
        when("an interaction type we do not know scores 0", "FAX", null, 0, null));
  }

  static Stream<Case> allCases() {
    return Stream.of(pageViews(), otherInteractions(), unknowns()).flatMap(cases -> cases);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource({"pageViews", "otherInteractions", "unknowns"})
  void scoresTheInteraction(Case c) {
    DmnFile.Evaluation evaluation = FILE.evaluate(DECISION, c.interaction().variables());

    assertThat(evaluation.result().getResultList().stream().mapToInt(rule -> (Integer) rule.get("points")).sum())
        .isEqualTo(c.points());
    assertThat(evaluation.matchedRules(DECISION)).containsExactlyInAnyOrderElementsOf(c.rules());
    assertThat(evaluation.result().getResultList().stream().map(rule -> rule.get("dailyCap")).filter(cap -> cap != null))
        .as("the daily caps of the matched rules").containsExactlyElementsOf(
            c.dailyCap() == null ? List.of() : List.of(c.dailyCap()));
  }

  /**
   * The domain's scale: each action is worth -100 to 100 points and nothing but the catch-all
   * scores 0; and every rule that gives points names its own daily cap, so 40 refreshes are not 40
   * visits and three blog posts do not use up the pricing page's cap.
   */
  @Test
  void everyActionScoresWithinTheScaleAndPositivePointsAreCappedPerRulePerDay() {
    DecisionTable table = FILE.model().getModelElementById("DecisionTable_EngagementScore");
    List<Output> outputs = List.copyOf(table.getOutputs());
    int points = outputs.indexOf(FILE.model().<Output>getModelElementById("Output_Points"));
    int dailyCap = outputs.indexOf(FILE.model().<Output>getModelElementById("Output_DailyCap"));
    assertThat(dailyCap).isNotNegative();

    for (Rule rule : table.getRules()) {
      if (rule.getId().equals("Rule_StartAtZero")) {
        continue;
      }
      List<OutputEntry> entries = List.copyOf(rule.getOutputEntries());
      int value = Integer.parseInt(entries.get(points).getTextContent().trim());
      assertThat(value).as("points of %s", rule.getId()).isBetween(-100, 100).isNotZero();
      if (value > 0) {
        assertThat(entries.get(dailyCap).getTextContent().trim()).as("daily cap of %s", rule.getId())
            .matches("[1-9][0-9]*");
      }
    }
  }

  @Test
  void everyRuleIsExercisedByATestCase() {
    FILE.assertEveryRuleIsExercisedBy(
        allCases().map(c -> FILE.evaluate(DECISION, c.interaction().variables())).toList());
  }

  @Test
  void everyRuleSaysWhyItExists() {
    FILE.assertEveryRuleIsExplainedAndEveryDecisionExpires();
  }
}
