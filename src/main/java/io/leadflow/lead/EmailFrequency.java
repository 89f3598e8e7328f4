package io.leadflow.lead;


/**
 * How often a lead wants email, chosen in the preference centre: as the journey goes (its cadence),
 * at most once a week, or at most once a month. The journey holds a send that comes sooner after
 * the last email than the gap {@code leadflow.journey.preferred-frequency.*} sets until it has
 * passed (as the frequency cap holds one: its timer moves there, the send is not dropped).
 */
public enum EmailFrequency {
  AS_PUBLISHED,
  WEEKLY,
  MONTHLY
}
