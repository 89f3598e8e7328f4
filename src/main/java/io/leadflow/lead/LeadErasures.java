package io.leadflow.lead;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The record of erasures, keyed by an HMAC-SHA256 of the canonical address: an erased address is
 * recognised when it comes back, and cannot be read back from the record.
 */
@Component
class LeadErasures {

  private final LeadErasureRepository erasures;
  private final SecretKeySpec key;

  LeadErasures(LeadErasureRepository erasures, PrivacySettings settings,
      @Value("${leadflow.tracking.secret:}") String trackingSecret) {
    this.erasures = erasures;
    String secret = settings.erasureKey() == null || settings.erasureKey().isBlank() ? trackingSecret : settings.erasureKey();
    if (secret == null || secret.isBlank()) {
      throw new IllegalStateException("leadflow.privacy.erasure-key (or leadflow.tracking.secret) must be set");
    }
    this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
  }

  /** @param email the address to keep a tombstone of, or null for none (an anonymisation) */
  void record(String email, Instant at, String erasedBy, String reason) {
    erasures.save(new LeadErasure(email == null ? null : hash(email), at, erasedBy, reason));
  }

  /** When this (canonical) address was last erased, if it was. */
  Optional<Instant> erasedAt(String email) {
    return erasures.findByEmailHashOrderByErasedAtDesc(hash(email)).stream().findFirst().map(LeadErasure::getErasedAt);
  }

  /** When each of these (canonical) addresses was last erased, for those that were: one query. */
  java.util.Map<String, Instant> erasedAt(java.util.Collection<String> emails) {
    java.util.Map<String, String> emailOfHash = new java.util.HashMap<>();
    emails.forEach(email -> emailOfHash.put(hash(email), email));
    java.util.Map<String, Instant> erased = new java.util.HashMap<>();
    if (!emailOfHash.isEmpty()) {
      erasures.findByEmailHashIn(emailOfHash.keySet()).forEach(erasure ->
          erased.merge(emailOfHash.get(erasure.getEmailHash()), erasure.getErasedAt(), (a, b) -> a.isAfter(b) ? a : b));
    }
    return erased;
  }

  private String hash(String email) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return HexFormat.of().formatHex(mac.doFinal(email.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
