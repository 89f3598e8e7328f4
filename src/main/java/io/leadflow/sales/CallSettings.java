package io.leadflow.sales;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * "Phone a lead" ({@code leadflow.calls.*}): how many attempts a call gets before it is given up,
 * and when to call again when the rep picks no time.
 */
@ConfigurationProperties("leadflow.calls")
public record CallSettings(Integer maxAttempts, Duration callAgainAfter) {

  public CallSettings {
    maxAttempts = maxAttempts == null ? 3 : maxAttempts;
    callAgainAfter = callAgainAfter == null ? Duration.ofDays(1) : callAgainAfter;
  }
}
