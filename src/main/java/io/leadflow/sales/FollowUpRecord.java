package io.leadflow.sales;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One follow-up of a hand-off for speed to lead: since when its lead was ready for sales, where it
 * was routed, and the first action a person took on it (claim, assignment change or completion).
 */
@Entity
@Table(name = "follow_ups")
class FollowUpRecord {

  /** The hand-off's process instance id: one follow-up each. */
  @Id private String handoffId;

  @Column(nullable = false)
  private String leadId;

  @Column(nullable = false)
  private String team;

  @Column(nullable = false)
  private Instant salesReadyAt;

  @Column(nullable = false)
  private Instant routedAt;

  private Instant firstActionAt;
  private String firstAction;
  private String firstActionBy;

  protected FollowUpRecord() {}

  FollowUpRecord(String handoffId, String leadId, String team, Instant salesReadyAt, Instant routedAt) {
    this.handoffId = handoffId;
    this.leadId = leadId;
    this.team = team;
    this.salesReadyAt = salesReadyAt;
    this.routedAt = routedAt;
  }

  /** @return whether this was the first action (later ones change nothing) */
  boolean acted(String action, String by, Instant at) {
    if (firstActionAt != null) {
      return false;
    }
    firstActionAt = at;
    firstAction = action;
    firstActionBy = by;
    return true;
  }

  String getHandoffId() { return handoffId; }
  String getLeadId() { return leadId; }
  String getTeam() { return team; }
  Instant getSalesReadyAt() { return salesReadyAt; }
  Instant getFirstActionAt() { return firstActionAt; }
  String getFirstAction() { return firstAction; }
  String getFirstActionBy() { return firstActionBy; }
}
