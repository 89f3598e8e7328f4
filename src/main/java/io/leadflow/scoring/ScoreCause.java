package io.leadflow.scoring;

/** What made a ledger row be written. */
public enum ScoreCause {
  /** An interaction was received and scored. */
  INTERACTION,
  /** The lead's profile was captured (fit and social profile scored). */
  PROFILE,
  /** The nightly run: older interactions are worth less. */
  DECAY,
  /** Marketing asked to recompute every score under the rules deployed now. */
  RESCORE
}
