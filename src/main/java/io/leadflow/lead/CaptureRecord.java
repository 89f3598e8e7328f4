package io.leadflow.lead;

import java.time.Instant;
import io.leadflow.NewEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/** One capture of a lead, first or again: when, through which channel, for which campaign. */
@Entity
@Table(name = "lead_captures")
public class CaptureRecord extends NewEntity {

  @Column(nullable = false)
  private String leadId;

  @Column(nullable = false)
  private Instant capturedAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private CaptureChannel channel;

  private String campaign;

  @Column(nullable = false)
  private boolean newLead;

  private String capturedBy;

  protected CaptureRecord() {}

  CaptureRecord(Lead lead, CaptureChannel channel, String campaign, boolean newLead, String capturedBy, Instant at) {
    this.leadId = lead.getId();
    this.capturedAt = at;
    this.channel = channel;
    this.campaign = campaign;
    this.newLead = newLead;
    this.capturedBy = capturedBy;
  }

  public String getLeadId() { return leadId; }
  public Instant getCapturedAt() { return capturedAt; }
  public CaptureChannel getChannel() { return channel; }
  public String getCampaign() { return campaign; }
  public boolean isNewLead() { return newLead; }
  public String getCapturedBy() { return capturedBy; }
}
