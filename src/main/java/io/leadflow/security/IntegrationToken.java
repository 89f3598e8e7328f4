package io.leadflow.security;

import io.leadflow.NewEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * An administrator's token for one integration (a landing page, a CRM). Only a hash of its secret
 * is stored; the secret is shown once, when the token is made.
 */
@Entity
@Table(name = "integration_tokens")
class IntegrationToken extends NewEntity {

  /** Last use is written at most this often: not a database write on every request. */
  static final Duration LAST_USE_PRECISION = Duration.ofMinutes(1);

  @Column(nullable = false)
  private String name;

  @Column(nullable = false)
  private String secretHash;

  @Column(nullable = false)
  private Instant createdAt;

  @Column(nullable = false)
  private String createdBy;

  private Instant lastUsedAt;
  private Instant revokedAt;

  protected IntegrationToken() {}

  IntegrationToken(String name, String secretHash, String createdBy, Instant at) {
    this.name = name;
    this.secretHash = secretHash;
    this.createdBy = createdBy;
    this.createdAt = at;
  }

  boolean isRevoked() {
    return revokedAt != null;
  }

  void revoke(Instant at) {
    if (revokedAt == null) {
      revokedAt = at;
    }
  }

  /** Whether a use at this time is worth writing down (see {@link #LAST_USE_PRECISION}). */
  boolean lastUseIsOlderThan(Instant at) {
    return lastUsedAt == null || !lastUsedAt.plus(LAST_USE_PRECISION).isAfter(at);
  }

  String getName() { return name; }
  String getSecretHash() { return secretHash; }
  Instant getCreatedAt() { return createdAt; }
  String getCreatedBy() { return createdBy; }
  Instant getLastUsedAt() { return lastUsedAt; }
  Instant getRevokedAt() { return revokedAt; }
}
