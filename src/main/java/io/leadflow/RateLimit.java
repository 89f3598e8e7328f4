package io.leadflow;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * At most {@code limit} events per key (a client address, a link) in {@code period}, refilled
 * gradually: a token bucket per key (Bucket4j), in this node's memory, on the application's clock
 * (so tests move time instead of waiting). A key unused for a whole period has a full bucket again,
 * so its bucket is forgotten then; at most {@value #MAX_KEYS} keys are kept, the least recently
 * used going first. Each node counts for itself.
 */
public final class RateLimit {

  static final int MAX_KEYS = 100_000;

  private final int limit;
  private final Duration period;
  private final TimeMeter time;
  private final Cache<String, Bucket> buckets;

  public RateLimit(int limit, Duration period, Clock clock) {
    if (limit < 1 || period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("A rate limit needs a limit of at least 1 and a positive period: " + limit + " per " + period);
    }
    this.limit = limit;
    this.period = period;
    this.time = new ClockTime(clock);
    this.buckets = Caffeine.newBuilder().maximumSize(MAX_KEYS).expireAfterAccess(period).build();
  }

  public int limit() {
    return limit;
  }

  public Duration period() {
    return period;
  }

  /** Counts one event for the key: empty when it is within the limit, else how long until one would be. */
  public Optional<Duration> take(String key) {
    ConsumptionProbe probe = bucket(key).tryConsumeAndReturnRemaining(1);
    return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
  }

  /** Whether one more event would be within the limit, without counting one: empty if so, else the wait. */
  public Optional<Duration> check(String key) {
    EstimationProbe probe = bucket(key).estimateAbilityToConsume(1);
    return probe.canBeConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
  }

  /** Retry-After: whole seconds, at least one. */
  public static long seconds(Duration wait) {
    long seconds = wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0);
    return Math.max(1, seconds);
  }

  private Bucket bucket(String key) {
    return buckets.get(key, unused -> Bucket.builder()
        .addLimit(bandwidth -> bandwidth.capacity(limit).refillGreedy(limit, period))
        .withCustomTimePrecision(time)
        .build());
  }

  /** Bucket4j's time from the application's clock. */
  private record ClockTime(Clock clock) implements TimeMeter {

    @Override
    public long currentTimeNanos() {
      Instant now = clock.instant();
      return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    @Override
    public boolean isWallClockBased() {
      return true;
    }
  }
}
