package io.leadflow.security;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code leadflow.security.failed-logins}: how many failed authentications (wrong password,
 * unknown or revoked token) one client address may have on {@code /api} per period before it is
 * answered 429 until the period lets it try again. docs/security.md, "How integrations authenticate".
 */
@Validated
@ConfigurationProperties("leadflow.security.failed-logins")
record FailedLoginSettings(@Min(1) Integer perAddress, Duration period) {

  FailedLoginSettings {
    perAddress = perAddress == null ? 10 : perAddress;
    period = period == null ? Duration.ofMinutes(1) : period;
  }
}
