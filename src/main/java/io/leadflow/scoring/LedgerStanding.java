package io.leadflow.scoring;

/** What the ledger holds for one contribution: the sum of its rows and the newest decision version among them. */
public record LedgerStanding(ScoreDimension dimension, String interactionId, String decisionKey, String ruleId,
    Long points, Integer decisionVersion) {

  Contribution.Key key() {
    return new Contribution.Key(dimension, interactionId, decisionKey, ruleId);
  }
}
