package io.leadflow.lead;

import io.leadflow.NewEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * That a person was forgotten: when, by whom, why, and a keyed hash of their address (so the same
 * address captured again is recognised without keeping it). Nothing else about the person.
 */
@Entity
@Table(name = "lead_erasures")
class LeadErasure extends NewEntity {

  /** Null when the lead was anonymised by retention: no tombstone, the address may come back as a new lead. */
  private String emailHash;

  @Column(nullable = false)
  private Instant erasedAt;

  @Column(nullable = false)
  private String erasedBy;

  @Column(nullable = false)
  private String reason;

  protected LeadErasure() {}

  LeadErasure(String emailHash, Instant erasedAt, String erasedBy, String reason) {
    this.emailHash = emailHash;
    this.erasedAt = erasedAt;
    this.erasedBy = erasedBy;
    this.reason = reason;
  }

  Instant getErasedAt() { return erasedAt; }
  String getEmailHash() { return emailHash; }
}
