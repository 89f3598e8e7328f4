package io.leadflow.report;

import java.time.Duration;
import java.util.List;

/**
 * Median and p90 of durations, by linear interpolation between the closest ranks (as SQL's
 * {@code percentile_cont}): the median of 1 h and 3 h is 2 h. Whole seconds.
 */
final class Percentiles {

  private Percentiles() {}

  /** @return null when there are no durations */
  static Duration of(List<Duration> durations, double p) {
    if (durations.isEmpty()) {
      return null;
    }
    long[] seconds = durations.stream().mapToLong(Duration::getSeconds).sorted().toArray();
    double rank = p * (seconds.length - 1);
    int below = (int) Math.floor(rank);
    int above = (int) Math.ceil(rank);
    double value = seconds[below] + (rank - below) * (seconds[above] - seconds[below]);
    return Duration.ofSeconds(Math.round(value));
  }
}
