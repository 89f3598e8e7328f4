package io.leadflow.scoring;

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
import java.util.List;
import java.util.Map;
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
   * What an interaction is worth now.
   *
   * @param timesToday how many actions of its kind the lead made that day, this one included
   */
  List<Contribution> interaction(Interaction interaction, long timesToday, Instant now) {
    Map<String, Object> engagement = new HashMap<>();
    engagement.put("type", interaction.getType().name());
    engagement.put("url", interaction.getUrl());
    engagement.put("timesToday", timesToday);
    List<Contribution> contributions = new ArrayList<>(contributions(ScoreDimension.ENGAGEMENT, interaction.getId(),
        decisions.evaluate(ENGAGEMENT, engagement), decay.factor(interaction.getOccurredAt(), now)));
    contributions.addAll(contributions(ScoreDimension.SOCIAL, interaction.getId(),
        decisions.evaluate(SOCIAL, socialInputs(interaction.getType().name(), false, false, timesToday)), 1.0));
    return contributions;
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
