package io.leadflow.scoring;

/**
 * What one rule gives a lead now: the points it is worth, under which decision version and why.
 * The ledger holds, per {@link Key}, the sum of every change to it.
 */
public record Contribution(Key key, int points, int decisionVersion, String reason) {

  /** One rule's share of one dimension, from the profile ({@code interactionId} null) or from an interaction. */
  public record Key(ScoreDimension dimension, String interactionId, String decisionKey, String ruleId) {}
}
