package io.leadflow.scoring;

import io.leadflow.decision.DecisionOutcome;
import io.leadflow.decision.DeployedDecisions;
import io.leadflow.interaction.Interaction;
import io.leadflow.interaction.InteractionRepository;
import io.leadflow.interaction.InteractionType;
import io.leadflow.interaction.Occurrence;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Asks {@code bpmn/interaction-filter.dmn} whether an interaction was made by a person: a
 * machine's (a mail image proxy, a link scanner, a fetch seconds after the send) or a repeat
 * (the same email opened again, the same link clicked again) is recorded with 0 points and the
 * decision's reason. The patterns and thresholds are the decision's; this only passes what is
 * known: the type, the user agent, the seconds since the email was sent, and how many earlier
 * opens of the email (clicks of the link) scored.
 */
@Component
class InteractionFilter {

  static final String KEY = "interaction-filter";

  private final DeployedDecisions decisions;
  private final InteractionRepository interactions;

  InteractionFilter(DeployedDecisions decisions, InteractionRepository interactions) {
    this.decisions = decisions;
    this.interactions = interactions;
  }

  /** The ledger's explanation (0 points) when the interaction is filtered; empty when a person made it. */
  Optional<Contribution> judge(Interaction interaction) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("type", interaction.getType().name());
    inputs.put("userAgent", interaction.getUserAgent());
    inputs.put("secondsAfterSend", interaction.getSentAt() == null ? null
        : Duration.between(interaction.getSentAt(), interaction.getOccurredAt()).toSeconds());
    inputs.put("earlierScored", earlierScored(interaction));
    inputs.put("hiddenLink", Boolean.TRUE.equals(interaction.getHiddenLink()));
    inputs.put("secondsToClickEveryLink", secondsToClickEveryLink(interaction));
    DecisionOutcome outcome = decisions.evaluate(KEY, inputs);
    if (!Boolean.TRUE.equals(outcome.result().get("filtered")) || outcome.matchedRules().isEmpty()) {
      return Optional.empty();
    }
    DecisionOutcome.MatchedRule rule = outcome.matchedRules().get(0);
    Object reason = outcome.result().get("reason");
    return Optional.of(new Contribution(
        new Contribution.Key(ScoreDimension.ENGAGEMENT, interaction.getId(), rule.decisionKey(), rule.ruleId()),
        0, outcome.version(), reason != null ? reason.toString() : rule.annotation()));
  }

  /**
   * When this click makes every tracked link of its email clicked: the seconds from the oldest of
   * the links' latest clicks to this one (a scanner follows them all within seconds; a person
   * who clicked one link yesterday and another today took a day). Null when not every link has
   * been clicked, or the email's links are not known or just one.
   */
  private Long secondsToClickEveryLink(Interaction interaction) {
    Integer links = interaction.getLinksInEmail();
    if (interaction.getType() != InteractionType.EMAIL_CLICK || interaction.getDeliveryId() == null
        || interaction.getUrl() == null || links == null || links < 2) {
      return null;
    }
    Map<String, Instant> latestPerLink = new HashMap<>();
    latestPerLink.put(interaction.getUrl(), interaction.getOccurredAt());
    for (Occurrence click : interactions.clicksFromDelivery(interaction.getLeadId(), interaction.getDeliveryId())) {
      if (click.url() != null && !click.interactionId().equals(interaction.getId())
          && !click.occurredAt().isAfter(interaction.getOccurredAt())) {
        latestPerLink.merge(click.url(), click.occurredAt(), (a, b) -> a.isAfter(b) ? a : b);
      }
    }
    if (latestPerLink.size() < links) {
      return null;
    }
    Instant oldest = latestPerLink.values().stream().min(Instant::compareTo).orElseThrow();
    return Duration.between(oldest, interaction.getOccurredAt()).toSeconds();
  }

  /** Earlier opens of the same email, or clicks of the same link in it, that scored; null when not from an email. */
  private Long earlierScored(Interaction interaction) {
    if (interaction.getDeliveryId() == null) {
      return null;
    }
    if (interaction.getType() == InteractionType.EMAIL_CLICK && interaction.getUrl() != null) {
      return interactions.countScoredFromLink(interaction.getLeadId(), interaction.getDeliveryId(), interaction.getType(),
          interaction.getUrl(), interaction.getId());
    }
    return interactions.countScoredFromDelivery(interaction.getLeadId(), interaction.getDeliveryId(),
        interaction.getType(), interaction.getId());
  }
}
