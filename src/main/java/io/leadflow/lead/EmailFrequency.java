package io.leadflow.lead;

import java.time.Duration;

/**
 * How often a lead wants email, chosen in the preference centre: as the journey goes (its cadence),
 * at most once a week, or at most once a month. The journey holds a send that comes sooner than
 * {@link #minimumGap()} after the last email until that gap has passed (as the frequency cap holds
 * one: its timer moves there, the send is not dropped).
 */
public enum EmailFrequency {
  AS_PUBLISHED(Duration.ZERO),
  WEEKLY(Duration.ofDays(7)),
  MONTHLY(Duration.ofDays(30));

  private final Duration minimumGap;

  EmailFrequency(Duration minimumGap) {
    this.minimumGap = minimumGap;
  }

  /** The least time between two emails of the journey. */
  public Duration minimumGap() {
    return minimumGap;
  }
}
