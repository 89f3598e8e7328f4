package io.leadflow.scoring.dmn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code bpmn/interaction-filter.dmn}: whether an email open or click was a person's (scored) or a machine's or a repeat (0 points, and why). */
class InteractionFilterDecisionTest {

  private static final DmnFile FILE = DmnFile.load("interaction-filter.dmn");
  private static final String DECISION = "interaction-filter";
  private static final String CHROME =
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36";

  record Case(String description, String type, String userAgent, Long secondsAfterSend, Integer earlierScored,
      Boolean hiddenLink, Long secondsToClickEveryLink, boolean filtered, String rule) {

    /** A case where no hidden link was clicked and not every link of the email was. */
    Case(String description, String type, String userAgent, Long secondsAfterSend, Integer earlierScored,
        boolean filtered, String rule) {
      this(description, type, userAgent, secondsAfterSend, earlierScored, false, null, filtered, rule);
    }

    java.util.Map<String, Object> variables() {
      return DmnFile.variables("type", type, "userAgent", userAgent, "secondsAfterSend", secondsAfterSend,
          "earlierScored", earlierScored, "hiddenLink", hiddenLink, "secondsToClickEveryLink", secondsToClickEveryLink);
    }

    @Override
    public String toString() {
      return description + " -> " + rule;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("a person's first click a minute after the send", "EMAIL_CLICK", CHROME, 60L, 0, false, "Person"),
        new Case("a person's first open an hour after the send", "EMAIL_OPEN", CHROME, 3600L, 0, false, "Person"),
        new Case("Gmail's image proxy", "EMAIL_OPEN", "Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)", 600L, 0, true, "MailImageProxy"),
        new Case("Apple Mail Privacy Protection's bare user agent", "EMAIL_OPEN", "Mozilla/5.0", 600L, 0, true, "MailImageProxy"),
        new Case("Yahoo's mail proxy", "EMAIL_OPEN", "YahooMailProxy; https://help.yahoo.com/kb/yahoo-mail-proxy-SLN28749.html", 600L, 0, true, "MailImageProxy"),
        new Case("a click through Google's image proxy is not an open", "EMAIL_CLICK", "GoogleImageProxy", 600L, 0, false, "Person"),
        new Case("Barracuda's link scanner", "EMAIL_CLICK", "Barracuda Sentinel (EE)", 600L, 0, true, "KnownScanner"),
        new Case("a script", "EMAIL_CLICK", "python-requests/2.31.0", 600L, 0, true, "KnownScanner"),
        new Case("a crawler", "EMAIL_OPEN", "Mozilla/5.0 (compatible; bingbot/2.0)", 600L, 0, true, "KnownScanner"),
        new Case("Safe Links with a browser's user agent, a second after the send", "EMAIL_CLICK", CHROME, 1L, 0, true, "TooSoonAfterSend"),
        new Case("9 seconds after the send is still a gateway", "EMAIL_OPEN", CHROME, 9L, 0, true, "TooSoonAfterSend"),
        new Case("10 seconds after the send can be a person", "EMAIL_CLICK", CHROME, 10L, 0, false, "Person"),
        new Case("the link hidden from people, an hour after the send, with a browser's user agent", "EMAIL_CLICK", CHROME, 3600L, 0, true, null, true, "HiddenLink"),
        new Case("the hidden link, even as the first click", "EMAIL_CLICK", CHROME, 60L, 0, true, 60L, true, "HiddenLink"),
        new Case("every link of the email within 2 seconds, half an hour after the send", "EMAIL_CLICK", CHROME, 1800L, 0, false, 2L, true, "EveryLinkAtOnce"),
        new Case("every link within 5 seconds is still a scanner", "EMAIL_CLICK", CHROME, 1800L, 0, false, 5L, true, "EveryLinkAtOnce"),
        new Case("every link over a minute is a person reading", "EMAIL_CLICK", CHROME, 1800L, 0, false, 60L, false, "Person"),
        new Case("not knowing whether it was hidden is a person's click", "EMAIL_CLICK", CHROME, 1800L, 0, null, null, false, "Person"),
        new Case("the second open of an email a person opened", "EMAIL_OPEN", CHROME, 7200L, 1, true, "RepeatOpen"),
        new Case("the second click of a link a person clicked", "EMAIL_CLICK", CHROME, 7200L, 1, true, "RepeatClick"),
        new Case("an open without a known email or user agent is a person's", "EMAIL_OPEN", null, null, null, false, "Person"),
        new Case("other interactions are never filtered here", "PAGE_VIEW", "Mozilla/5.0 (compatible; bingbot/2.0)", null, null, false, "Person"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void tellsAPersonFromAMachine(Case c) {
    DmnFile.Evaluation evaluation = FILE.evaluate(DECISION, c.variables());

    assertThat(evaluation.output("filtered")).isEqualTo(c.filtered());
    assertThat(evaluation.matchedRules(DECISION)).containsExactly("Rule_" + c.rule());
    assertThat(evaluation.output("reason")).asString().isNotBlank();
  }

  @Test
  void everyRuleIsExercisedByATestCase() {
    FILE.assertEveryRuleIsExercisedBy(cases().map(c -> FILE.evaluate(DECISION, c.variables())).toList());
  }

  @Test
  void everyRuleSaysWhyItExists() {
    FILE.assertEveryRuleIsExplainedAndEveryDecisionExpires();
  }
}
