package io.leadflow.scoring.dmn;

import static io.leadflow.scoring.dmn.DmnFile.rules;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code bpmn/engagement-score.dmn}: the points one interaction of a lead earns (implicit score). */
class EngagementScoreDecisionTest {

  private static final DmnFile FILE = DmnFile.load("engagement-score.dmn");
  private static final String DECISION = "engagement-score";
  private static final String PRICING = "https://www.example.com/pricing";

  /** What the Java passes for one interaction; timesToday counts this one too. */
  record Interaction(String description, String type, String url, Integer timesToday) {

    Map<String, Object> variables() {
      return DmnFile.variables("type", type, "url", url, "timesToday", timesToday);
    }

    @Override
    public String toString() {
      return description;
    }
  }

  /** An interaction, its points and the rules that give them (the catch-all matches every one). */
  record Case(Interaction interaction, int points, List<String> rules) {

    @Override
    public String toString() {
      return interaction + " -> " + points;
    }
  }

  private static Case when(String description, String type, String url, Integer timesToday, int points, String... rules) {
    List<String> expected = new ArrayList<>(rules("StartAtZero"));
    expected.addAll(rules(rules));
    return new Case(new Interaction(description, type, url, timesToday), points, expected);
  }

  static Stream<Case> pageViews() {
    return Stream.of(
        when("a first pricing page view today shows buying intent", "PAGE_VIEW", PRICING, 1, 10, "PricingPage"),
        when("the 3rd pricing page view today still counts", "PAGE_VIEW", PRICING, 3, 10, "PricingPage"),
        when("the 4th pricing page view today is a refresh, not a new visit", "PAGE_VIEW", PRICING, 4, 0),
        when("a pricing URL in capitals with a query is a pricing page", "PAGE_VIEW", "HTTPS://EXAMPLE.COM/Pricing?plan=pro", 1, 10, "PricingPage"),
        when("a page below /pricing is a pricing page", "PAGE_VIEW", "https://example.com/pricing/enterprise", 2, 10, "PricingPage"),
        when("a pricing page named only in another page's query is that other page (issue 12, case 4)", "PAGE_VIEW", "https://example.com/contact?next=/pricing", 1, 1, "OtherPage"),
        when("a pricing page named only in the fragment is that other page", "PAGE_VIEW", "https://example.com/contact#/pricing", 1, 1, "OtherPage"),
        when("a pricing page in a language folder is a pricing page", "PAGE_VIEW", "https://example.com/en/pricing", 1, 10, "PricingPage"),
        when("a path only starting with pricing is another page", "PAGE_VIEW", "https://example.com/pricingless", 1, 1, "OtherPage"),
        when("a host named pricing is not the pricing page", "PAGE_VIEW", "https://pricing.example.com/contact", 1, 1, "OtherPage"),
        when("a bare path is read as a path", "PAGE_VIEW", "/pricing?plan=pro", 1, 10, "PricingPage"),
        when("a careers page view is a job seeker's", "PAGE_VIEW", "https://example.com/careers/engineer", 1, -5, "CareersPage"),
        when("the 3rd careers page view today still counts against", "PAGE_VIEW", "https://example.com/Careers", 3, -5, "CareersPage"),
        when("the 4th careers page view today no longer counts", "PAGE_VIEW", "https://example.com/careers/engineer", 4, 0),
        when("a jobs page view is a job seeker's", "PAGE_VIEW", "https://example.com/jobs?id=42", 1, -5, "CareersPage"),
        when("a pricing job ad is a careers page, not a pricing page", "PAGE_VIEW", "https://example.com/careers/pricing-analyst", 1, -5, "CareersPage"),
        when("a blog post is a blog page", "PAGE_VIEW", "https://example.com/blog/lead-scoring-101", 1, 2, "BlogPage"),
        when("the 5th blog post today still counts", "PAGE_VIEW", "https://example.com/blog/lead-scoring-101", 5, 2, "BlogPage"),
        when("the 6th blog post today no longer counts", "PAGE_VIEW", "https://example.com/blog/lead-scoring-101", 6, 0),
        when("a blog post about jobs to be done is a blog page, not a job ad", "PAGE_VIEW", "https://example.com/blog/jobs-to-be-done", 1, 2, "BlogPage"),
        when("a blog post about pricing is a blog post: the rule is on the path segment, not a substring", "PAGE_VIEW", "https://example.com/blog/pricing-explained", 1, 2, "BlogPage"),
        when("the home page is any other page", "PAGE_VIEW", "https://example.com/", 1, 1, "OtherPage"),
        when("the 5th other page today still counts", "PAGE_VIEW", "https://example.com/about", 5, 1, "OtherPage"),
        when("the 6th other page today no longer counts", "PAGE_VIEW", "https://example.com/about", 6, 0),
        when("a page view without a URL is any other page", "PAGE_VIEW", null, 1, 1, "OtherPage"));
  }

  static Stream<Case> otherInteractions() {
    return Stream.of(
        when("a content download shows real interest", "CONTENT_DOWNLOAD", null, 5, 15, "ContentDownload"),
        when("the 6th download today no longer counts", "CONTENT_DOWNLOAD", null, 6, 0),
        when("an email open is a small positive response", "EMAIL_OPEN", null, 3, 2, "EmailOpen"),
        when("the 4th email open today no longer counts", "EMAIL_OPEN", null, 4, 0),
        when("a click on a pricing link in an email is a click, not a page view", "EMAIL_CLICK", PRICING, 5, 5, "EmailClick"),
        when("the 6th email click today no longer counts", "EMAIL_CLICK", PRICING, 6, 0),
        when("a form submission wants something from us", "FORM_SUBMISSION", null, 3, 10, "FormSubmission"),
        when("the 4th form submission today no longer counts", "FORM_SUBMISSION", null, 4, 0),
        when("a web inquiry is a direct question", "WEB_INQUIRY", null, 3, 25, "WebInquiry"),
        when("the 4th web inquiry today no longer counts", "WEB_INQUIRY", null, 4, 0),
        when("a webinar registration shows interest", "WEBINAR_REGISTERED", null, 2, 10, "WebinarRegistered"),
        when("the 3rd webinar registration today no longer counts", "WEBINAR_REGISTERED", null, 3, 0),
        when("attending a webinar is an hour given to us", "WEBINAR_ATTENDED", null, 2, 25, "WebinarAttended"),
        when("the 3rd webinar attended today no longer counts", "WEBINAR_ATTENDED", null, 3, 0),
        when("a demo request evaluates us as a vendor", "DEMO_REQUEST", null, 1, 40, "DemoRequest"),
        when("a second demo request the same day adds nothing", "DEMO_REQUEST", null, 2, 0),
        when("a quote request prepares a purchase", "QUOTE_REQUEST", null, 1, 40, "QuoteRequest"),
        when("a second quote request the same day adds nothing", "QUOTE_REQUEST", null, 2, 0),
        when("a price list request shows buying intent", "PRICE_LIST_REQUEST", null, 1, 30, "PriceListRequest"),
        when("a second price list request the same day adds nothing", "PRICE_LIST_REQUEST", null, 2, 0),
        when("an unsubscribe counts against the lead", "UNSUBSCRIBE", null, 1, -30, "Unsubscribe"),
        when("a second unsubscribe the same day counts against again", "UNSUBSCRIBE", null, 2, -30, "Unsubscribe"),
        when("a bounced email counts against the lead", "EMAIL_BOUNCE", null, 1, -10, "EmailBounce"),
        when("every bounce counts against, however many today", "EMAIL_BOUNCE", null, 4, -10, "EmailBounce"),
        when("a spam complaint counts against the lead as much as an unsubscribe", "EMAIL_COMPLAINT", null, 1, -30, "EmailComplaint"),
        when("choosing topics in the preference centre instead of leaving is a little interest", "PREFERENCES_CHANGED", null, 1, 3,
            "PreferencesChanged"),
        when("a second change of preferences the same day adds nothing", "PREFERENCES_CHANGED", null, 2, 0),
        when("a social mention scores in the social score, not here", "SOCIAL_MENTION", null, 1, 0),
        when("a social share scores in the social score, not here", "SOCIAL_SHARE", null, 1, 0));
  }

  static Stream<Case> unknowns() {
    return Stream.of(
        when("an interaction with nothing known scores 0, not null", null, null, null, 0),
        when("a pricing page view without a daily count scores 0", "PAGE_VIEW", PRICING, null, 0),
        when("a pricing URL without a type scores 0", null, PRICING, 1, 0),
        when("an interaction type we do not know scores 0", "FAX", null, 1, 0));
  }

  static Stream<Case> allCases() {
    return Stream.of(pageViews(), otherInteractions(), unknowns()).flatMap(cases -> cases);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource({"pageViews", "otherInteractions", "unknowns"})
  void scoresTheInteraction(Case c) {
    DmnFile.Evaluation evaluation = FILE.evaluate(DECISION, c.interaction().variables());

    assertThat(evaluation.singleEntry()).isEqualTo(c.points());
    assertThat(evaluation.matchedRules(DECISION)).containsExactlyInAnyOrderElementsOf(c.rules());
  }

  /**
   * The domain's scale: each action is worth -100 to 100 points and nothing but the catch-all
   * scores 0; and every rule that gives points carries a daily cap, so 40 refreshes are not 40 visits.
   */
  @Test
  void everyActionScoresWithinTheScaleAndPositivePointsAreCappedPerDay() {
    DecisionTable table = FILE.model().getModelElementById("DecisionTable_EngagementScore");
    List<Input> inputs = List.copyOf(table.getInputs());
    int timesToday = inputs.indexOf(FILE.model().<Input>getModelElementById("Input_TimesToday"));
    assertThat(timesToday).isNotNegative();

    for (Rule rule : table.getRules()) {
      if (rule.getId().equals("Rule_StartAtZero")) {
        continue;
      }
      int points = Integer.parseInt(rule.getOutputEntries().iterator().next().getTextContent().trim());
      assertThat(points).as("points of %s", rule.getId()).isBetween(-100, 100).isNotZero();
      String cap = List.copyOf(rule.getInputEntries()).get(timesToday).getTextContent().trim();
      if (points > 0) {
        assertThat(cap).as("daily cap of %s", rule.getId()).matches("<= [1-9][0-9]*");
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
