package io.leadflow.lead;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Double opt-in ({@code leadflow.privacy.double-opt-in.*}), off by default: when {@code enabled},
 * a new lead of one of {@code countries} (ISO codes) or {@code sources} (its consent source or
 * its capture channel, {@code API}, {@code IMPORT}, case aside) gets one confirmation email and
 * nothing else until it confirms; both lists empty: every new lead. Unconfirmed, it is reminded
 * once {@code remind-after} (P3D) after the request, and expires from nurturing {@code
 * expire-after} (P7D) after the reminder.
 */
@ConfigurationProperties("leadflow.privacy.double-opt-in")
public record DoubleOptInSettings(boolean enabled, List<String> countries, List<String> sources, Duration remindAfter,
    Duration expireAfter) {

  public DoubleOptInSettings {
    countries = countries == null ? List.of() : countries.stream().map(c -> c.trim().toUpperCase(Locale.ROOT)).toList();
    sources = sources == null ? List.of() : sources.stream().map(s -> s.trim().toLowerCase(Locale.ROOT)).toList();
    remindAfter = remindAfter == null ? Duration.ofDays(3) : remindAfter;
    expireAfter = expireAfter == null ? Duration.ofDays(7) : expireAfter;
  }

  /** Whether a new lead, captured through {@code channel}, must confirm before it is nurtured. */
  boolean requiredFor(Lead lead, CaptureChannel channel) {
    if (!enabled) {
      return false;
    }
    if (countries.isEmpty() && sources.isEmpty()) {
      return true;
    }
    return (lead.getCountry() != null && countries.contains(lead.getCountry().toUpperCase(Locale.ROOT)))
        || (lead.getConsentSource() != null && sources.contains(lead.getConsentSource().toLowerCase(Locale.ROOT)))
        || (channel != null && sources.contains(channel.name().toLowerCase(Locale.ROOT)));
  }
}
