package io.leadflow.scoring;

import static io.leadflow.scoring.ScoringKeys.DAILY_CAP;
import static io.leadflow.scoring.ScoringKeys.ENGAGEMENT;
import static io.leadflow.scoring.ScoringKeys.FIT;
import static io.leadflow.scoring.ScoringKeys.POINTS;
import static io.leadflow.scoring.ScoringKeys.PROFILE;
import static io.leadflow.scoring.ScoringKeys.SOCIAL;

import io.leadflow.decision.DecisionOutcome;
import io.leadflow.decision.DeployedDecisions;
import io.leadflow.interaction.Interaction;
import io.leadflow.lead.Lead;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Asks the scoring decisions what a lead's profile and its interactions are worth, rule by rule.
 * The points are DMN's; this only passes the inputs and applies the decay policy to engagement.
 */
@Component
class LeadScorer {

  private final DeployedDecisions decisions;
  private final DecayPolicy decay;

  LeadScorer(DeployedDecisions decisions, DecayPolicy decay) {
    this.decisions = decisions;
    this.decay = decay;
  }

  /** Fit, and social presence, from what the lead's profile says. */
  List<Contribution> profile(Lead lead) {
    Map<String, Object> fit = new HashMap<>();
    fit.put("companySize", lead.getCompanySize());
    fit.put("industry", lead.getIndustry());
    fit.put("jobTitle", lead.getJobTitle());
    fit.put("country", lead.getCountry());
    List<Contribution> contributions = new ArrayList<>(
        contributions(ScoreDimension.FIT, null, decisions.evaluate(FIT, fit), 1.0));
    contributions.addAll(contributions(ScoreDimension.SOCIAL, null,
        decisions.evaluate(SOCIAL, socialInputs(PROFILE, lead.getLinkedin() != null, lead.getTwitter() != null, 1)), 1.0));
    return contributions;
  }

  /** The fit of the lead's company alone (size, industry, country): the company's part of an account score. */
  int companyFit(Lead lead) {
    Map<String, Object> company = new HashMap<>();
    company.put("companySize", lead.getCompanySize());
    company.put("industry", lead.getIndustry());
    company.put("jobTitle", null);
    company.put("country", lead.getCountry());
    return contributions(ScoreDimension.FIT, null, decisions.evaluate(FIT, company), 1.0).stream()
        .mapToInt(Contribution::points).sum();
  }

  /**
   * What an interaction is worth now. The engagement decision names each rule's daily cap
   * ({@code dailyCap}): a rule scores the first that many actions it matched in a day, counted per
   * rule, so three blog posts do not use up the pricing page's cap. The social decision counts
   * the day's actions of the interaction's kind ({@code timesToday}).
   *
   * @param days the lead's actions of the interaction's day, the interaction counted in
   */
  List<Contribution> interaction(Interaction interaction, DailyActions days, Instant now) {
    long timesToday = days.timesToday(interaction);
    DecisionOutcome engagement = decisions.evaluate(ENGAGEMENT, engagementInputs(interaction.getType().name(),
        interaction.getUrl(), timesToday));
    List<DecisionOutcome.MatchedRule> withinCaps = new ArrayList<>();
    for (DecisionOutcome.MatchedRule rule : engagement.matchedRules()) {
      if (!(rule.outputs().get(DAILY_CAP) instanceof Number cap)
          || days.timesToday(interaction, capKey(rule), this::capKeys) <= cap.longValue()) {
        withinCaps.add(rule);
      }
    }
    List<Contribution> contributions = new ArrayList<>(contributions(ScoreDimension.ENGAGEMENT, interaction.getId(),
        new DecisionOutcome(engagement.decisionKey(), engagement.version(), engagement.result(), withinCaps,
            engagement.requiredResults()),
        decay.factor(interaction.getOccurredAt(), now)));
    contributions.addAll(contributions(ScoreDimension.SOCIAL, interaction.getId(),
        decisions.evaluate(SOCIAL, socialInputs(interaction.getType().name(), false, false, timesToday)), 1.0));
    return contributions;
  }

  /** The caps an action of a kind on a URL counts against: its engagement rules that name a daily cap. */
  private Set<String> capKeys(DailyActions.Action.What what) {
    Set<String> keys = new HashSet<>();
    for (DecisionOutcome.MatchedRule rule : decisions.evaluate(ENGAGEMENT,
        engagementInputs(what.type().name(), what.url(), null)).matchedRules()) {
      if (rule.outputs().get(DAILY_CAP) instanceof Number) {
        keys.add(capKey(rule));
      }
    }
    return keys;
  }

  private static String capKey(DecisionOutcome.MatchedRule rule) {
    return rule.decisionKey() + "/" + rule.ruleId();
  }

  private static Map<String, Object> engagementInputs(String type, String url, Long timesToday) {
    Map<String, Object> engagement = new HashMap<>();
    engagement.put("type", type);
    engagement.put("url", url);
    // read by engagement tables deployed before caps were per rule; today's table ignores it
    engagement.put("timesToday", timesToday);
    return engagement;
  }

  private static Map<String, Object> socialInputs(String type, boolean linkedin, boolean twitter, long timesToday) {
    Map<String, Object> social = new HashMap<>();
    social.put("type", type);
    social.put("hasLinkedin", linkedin);
    social.put("hasTwitter", twitter);
    social.put("timesToday", timesToday);
    return social;
  }

  private static List<Contribution> contributions(ScoreDimension dimension, String interactionId, DecisionOutcome outcome,
      double factor) {
    List<Contribution> contributions = new ArrayList<>();
    for (DecisionOutcome.MatchedRule rule : outcome.matchedRules()) {
      if (!(rule.outputs().get(POINTS) instanceof Number points)) {
        continue;
      }
      contributions.add(new Contribution(
          new Contribution.Key(dimension, interactionId, rule.decisionKey(), rule.ruleId()),
          (int) Math.round(points.doubleValue() * factor), outcome.version(), rule.annotation()));
    }
    return contributions;
  }
}
