package io.leadflow.scoring;

/** The keys of the scoring decisions in bpmn/ and the names the Java passes and reads. */
final class ScoringKeys {

  static final String FIT = "fit-score";
  static final String ENGAGEMENT = "engagement-score";
  static final String SOCIAL = "social-score";
  static final String QUALIFICATION = "lead-qualification";

  /** The output every scoring table gives per rule. */
  static final String POINTS = "points";
  /** The engagement table's daily cap of a rule: how many actions it matches in a day score (none: no cap). */
  static final String DAILY_CAP = "dailyCap";
  /** The social table's type for scoring the lead's profile rather than an interaction. */
  static final String PROFILE = "PROFILE";

  private ScoringKeys() {}
}
