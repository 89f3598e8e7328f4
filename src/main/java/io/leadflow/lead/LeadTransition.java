package io.leadflow.lead;

import io.leadflow.NewEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One change of a lead's status or stage: from what, to what, when and why. Written only by
 * {@link LeadLifecycle}; never changed afterwards.
 */
@Entity
@Table(name = "lead_transitions")
class LeadTransition extends NewEntity {

  @Column(nullable = false)
  private String leadId;

  @Column(nullable = false)
  private int seqNo;

  @Column(name = "occurred_at", nullable = false)
  private Instant at;

  @Enumerated(EnumType.STRING)
  private LeadStatus fromStatus;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private LeadStatus status;

  @Enumerated(EnumType.STRING)
  private FunnelStage fromStage;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private FunnelStage stage;

  @Column(nullable = false)
  private String cause;

  /** The lead's rating when it happened (score quality: how leads of each rating fare). */
  private String rating;

  protected LeadTransition() {}

  LeadTransition(Lead lead, LeadStatus fromStatus, FunnelStage fromStage, String cause, Instant at) {
    this.leadId = lead.getId();
    this.seqNo = lead.nextTransition();
    this.at = at;
    this.fromStatus = fromStatus;
    this.status = lead.getStatus();
    this.fromStage = fromStage;
    this.stage = lead.getStage();
    this.cause = cause;
    this.rating = lead.getRating();
  }

  String getLeadId() { return leadId; }
  Instant getAt() { return at; }
  LeadStatus getFromStatus() { return fromStatus; }
  LeadStatus getStatus() { return status; }
  FunnelStage getFromStage() { return fromStage; }
  FunnelStage getStage() { return stage; }
  String getCause() { return cause; }
  String getRating() { return rating; }
}
