package io.leadflow.scoring;

import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How engagement ages: an interaction's points halve every {@code halfLife} and are gone once it
 * is {@code maxAge} old ({@code leadflow.scoring.decay.*}; defaults: 30 days, 180 days). A lead
 * that goes quiet cools down.
 */
@ConfigurationProperties("leadflow.scoring.decay")
public record DecayPolicy(Duration halfLife, Duration maxAge) {

  public DecayPolicy {
    halfLife = halfLife == null ? Duration.ofDays(30) : halfLife;
    maxAge = maxAge == null ? Duration.ofDays(180) : maxAge;
  }

  /** The share of its points an interaction that happened then is worth now, 0 to 1. */
  public double factor(Instant occurredAt, Instant now) {
    Duration age = Duration.between(occurredAt, now);
    if (age.isNegative() || age.isZero()) {
      return 1.0;
    }
    if (age.compareTo(maxAge) >= 0) {
      return 0.0;
    }
    return Math.pow(0.5, (double) age.toMillis() / halfLife.toMillis());
  }

  /** Points of that age, rounded to whole points. */
  public int decayed(int points, Instant occurredAt, Instant now) {
    return (int) Math.round(points * factor(occurredAt, now));
  }

  /** Interactions older than this are worth nothing; the nightly run need not look at them. */
  public Instant horizon(Instant now) {
    return now.minus(maxAge).minus(Duration.ofDays(2));
  }
}
