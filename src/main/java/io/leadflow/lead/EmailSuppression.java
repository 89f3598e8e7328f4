package io.leadflow.lead;

import io.leadflow.NewEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** An address on the suppression list: nothing is sent to it again (see {@link EmailSuppressions}). */
@Entity
@Table(name = "email_suppressions")
class EmailSuppression extends NewEntity {

  @Column(nullable = false)
  private String email;

  /** {@code HARD_BOUNCE} or {@code COMPLAINT}. */
  @Column(nullable = false)
  private String reason;

  private String source;
  private String leadId;

  @Column(nullable = false)
  private Instant createdAt;

  protected EmailSuppression() {}

  EmailSuppression(String email, String reason, String source, String leadId, Instant createdAt) {
    this.email = email;
    this.reason = reason;
    this.source = source;
    this.leadId = leadId;
    this.createdAt = createdAt;
  }

  String getEmail() { return email; }
  String getReason() { return reason; }
  String getSource() { return source; }
  String getLeadId() { return leadId; }
  Instant getCreatedAt() { return createdAt; }
}
