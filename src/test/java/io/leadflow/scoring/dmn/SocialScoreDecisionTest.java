package io.leadflow.scoring.dmn;

import static io.leadflow.scoring.dmn.DmnFile.rules;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code bpmn/social-score.dmn}: a lead's presence and activity on social networks. */
class SocialScoreDecisionTest {

  private static final DmnFile FILE = DmnFile.load("social-score.dmn");
  private static final String DECISION = "social-score";

  /** What the Java passes: type PROFILE when the profile is scored at capture, else the interaction type. */
  record Social(String description, String type, Boolean hasLinkedin, Boolean hasTwitter, Integer timesToday) {

    Map<String, Object> variables() {
      return DmnFile.variables(
          "type", type, "hasLinkedin", hasLinkedin, "hasTwitter", hasTwitter, "timesToday", timesToday);
    }

    @Override
    public String toString() {
      return description;
    }
  }

  /** What is scored, its points and the rules that give them (the catch-all matches every one). */
  record Case(Social social, int points, List<String> rules) {

    @Override
    public String toString() {
      return social + " -> " + points;
    }
  }

  private static Case when(String description, String type, Boolean linkedin, Boolean twitter, Integer timesToday,
      int points, String... rules) {
    List<String> expected = new ArrayList<>(rules("StartAtZero"));
    expected.addAll(rules(rules));
    return new Case(new Social(description, type, linkedin, twitter, timesToday), points, expected);
  }

  static Stream<Case> profiles() {
    return Stream.of(
        when("a profile with LinkedIn and Twitter scores both", "PROFILE", true, true, 1, 8, "LinkedinProfile", "TwitterProfile"),
        when("a profile with LinkedIn only", "PROFILE", true, false, 1, 5, "LinkedinProfile"),
        when("a profile with Twitter only", "PROFILE", false, true, 1, 3, "TwitterProfile"),
        when("a profile without social networks scores nothing", "PROFILE", false, false, 1, 0),
        when("a profile with unknown social networks scores nothing", "PROFILE", null, null, 1, 0));
  }

  static Stream<Case> interactions() {
    return Stream.of(
        when("a social mention shows interest", "SOCIAL_MENTION", false, false, 1, 10, "SocialMention"),
        when("the 3rd mention today still counts", "SOCIAL_MENTION", false, false, 3, 10, "SocialMention"),
        when("the 4th mention today no longer counts", "SOCIAL_MENTION", false, false, 4, 0),
        when("a mention by a lead with LinkedIn and Twitter does not score the profile again",
            "SOCIAL_MENTION", true, true, 1, 10, "SocialMention"),
        when("a share of our content carries our message", "SOCIAL_SHARE", null, null, 1, 15, "SocialShare"),
        when("the 3rd share today still counts", "SOCIAL_SHARE", true, true, 3, 15, "SocialShare"),
        when("the 4th share today no longer counts", "SOCIAL_SHARE", true, true, 4, 0),
        when("a page view scores no social points, whatever the profile", "PAGE_VIEW", true, true, 1, 0),
        when("nothing known scores 0, not null", null, null, null, null, 0),
        when("a mention without a daily count scores 0", "SOCIAL_MENTION", null, null, null, 0));
  }

  static Stream<Case> allCases() {
    return Stream.concat(profiles(), interactions());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource({"profiles", "interactions"})
  void scoresTheSocialPresence(Case c) {
    DmnFile.Evaluation evaluation = FILE.evaluate(DECISION, c.social().variables());

    assertThat(evaluation.singleEntry()).isEqualTo(c.points());
    assertThat(evaluation.matchedRules(DECISION)).containsExactlyInAnyOrderElementsOf(c.rules());
  }

  @Test
  void everyRuleIsExercisedByATestCase() {
    FILE.assertEveryRuleIsExercisedBy(allCases().map(c -> FILE.evaluate(DECISION, c.social().variables())).toList());
  }

  @Test
  void everyRuleSaysWhyItExists() {
    FILE.assertEveryRuleIsExplainedAndEveryDecisionExpires();
  }
}
