package io.leadflow.scoring;

import java.time.Instant;
import io.leadflow.NewEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/**
 * One change to a lead's score: how many points, in which dimension, from which decision
 * version and rule (and why that rule exists), caused by what. A lead's scores are always the
 * sums of its rows.
 */
@Entity
@Table(name = "score_entries")
public class ScoreEntry extends NewEntity {

  @Column(nullable = false)
  private String leadId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private ScoreDimension dimension;

  private int points;

  @Column(nullable = false)
  private String decisionKey;

  private int decisionVersion;

  @Column(nullable = false)
  private String ruleId;

  private String reason;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private ScoreCause cause;

  private String interactionId;

  @Column(nullable = false)
  private Instant at;

  protected ScoreEntry() {}

  ScoreEntry(String leadId, Contribution contribution, int points, ScoreCause cause, Instant at) {
    this.leadId = leadId;
    this.dimension = contribution.key().dimension();
    this.points = points;
    this.decisionKey = contribution.key().decisionKey();
    this.decisionVersion = contribution.decisionVersion();
    this.ruleId = contribution.key().ruleId();
    this.reason = contribution.reason() == null ? null : abbreviate(contribution.reason());
    this.cause = cause;
    this.interactionId = contribution.key().interactionId();
    this.at = at;
  }

  private static String abbreviate(String reason) {
    return reason.length() <= 500 ? reason : reason.substring(0, 499) + "…";
  }

  public String getLeadId() { return leadId; }
  public ScoreDimension getDimension() { return dimension; }
  public int getPoints() { return points; }
  public String getDecisionKey() { return decisionKey; }
  public int getDecisionVersion() { return decisionVersion; }
  public String getRuleId() { return ruleId; }
  public String getReason() { return reason; }
  public ScoreCause getCause() { return cause; }
  public String getInteractionId() { return interactionId; }
  public Instant getAt() { return at; }
}
