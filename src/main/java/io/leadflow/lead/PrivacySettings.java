package io.leadflow.lead;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Personal data rights ({@code leadflow.privacy.*}): the key of the erased addresses' hashes
 * ({@code erasure-key}; by default the tracking secret, which production must set), and what a
 * capture or import of an erased address does ({@code erased-address}: {@code REFUSE}, a 400 on
 * {@code email}, or {@code FLAG}, captured again and marked {@code previouslyErasedAt}).
 */
@ConfigurationProperties("leadflow.privacy")
public record PrivacySettings(String erasureKey, ErasedAddress erasedAddress) {

  public PrivacySettings {
    erasedAddress = erasedAddress == null ? ErasedAddress.REFUSE : erasedAddress;
  }

  /** What capturing an address that was erased does. */
  public enum ErasedAddress {
    REFUSE,
    FLAG
  }
}
