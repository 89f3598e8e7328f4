package io.leadflow.scoring;

/** The three kinds of score, kept apart so a lead's score can be explained. */
public enum ScoreDimension {
  /** Explicit: how close the lead and its company are to the buyer persona. */
  FIT,
  /** Implicit: what the lead did. */
  ENGAGEMENT,
  /** Presence and activity on social networks. */
  SOCIAL
}
