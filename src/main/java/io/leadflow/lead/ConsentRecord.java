package io.leadflow.lead;

import io.leadflow.NewEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One change of a lead's consent, as proof (GDPR art. 7(1)): given or withdrawn, when, through
 * which channel, from which source, the text or its version agreed to, the IP address where known.
 * Written once; an erasure empties the source and the IP address.
 */
@Entity
@Table(name = "consent_records")
class ConsentRecord extends NewEntity {

  @Column(nullable = false)
  private String leadId;

  @Column(nullable = false)
  private boolean given;

  @Column(nullable = false)
  private Instant changedAt;

  @Column(nullable = false)
  private Instant recordedAt;

  @Column(nullable = false)
  private String channel;

  private String source;
  private String wording;
  private String ipAddress;
  private String recordedBy;

  protected ConsentRecord() {}

  ConsentRecord(String leadId, boolean given, Instant changedAt, Instant recordedAt, ConsentChange change) {
    this.leadId = leadId;
    this.given = given;
    this.changedAt = changedAt;
    this.recordedAt = recordedAt;
    this.channel = change.channel();
    this.source = change.source();
    this.wording = change.wording();
    this.ipAddress = change.ipAddress();
    this.recordedBy = change.recordedBy();
  }

  /** The person asked to be forgotten: what could say who they are or what they wrote goes. */
  void forget() {
    source = null;
    ipAddress = null;
    recordedBy = null;
  }

  String getLeadId() { return leadId; }
  boolean isGiven() { return given; }
  Instant getChangedAt() { return changedAt; }
  Instant getRecordedAt() { return recordedAt; }
  String getChannel() { return channel; }
  String getSource() { return source; }
  String getWording() { return wording; }
  String getIpAddress() { return ipAddress; }
  String getRecordedBy() { return recordedBy; }
}
