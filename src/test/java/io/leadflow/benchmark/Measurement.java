package io.leadflow.benchmark;

import java.time.Duration;
import org.HdrHistogram.Histogram;

/**
 * What one scenario did: how many operations, in how long, how many failed, and the latency of
 * each (in microseconds). Latencies are per operation: an HTTP request, a decision evaluation, or
 * for a backlog the time from the moment it was due until it was done.
 */
record Measurement(long count, Duration elapsed, long failures, Histogram latencies) {

  static Measurement of(long count, Duration elapsed, long failures, Histogram latencies) {
    return new Measurement(count, elapsed, failures, latencies);
  }

  /** Operations per second. */
  double rate() {
    return count / Math.max(elapsed.toNanos() / 1e9, 1e-9);
  }

  /** The latency at this percentile (0..100) in milliseconds, or NaN without latencies. */
  double percentileMillis(double percentile) {
    if (latencies == null || latencies.getTotalCount() == 0) {
      return Double.NaN;
    }
    return latencies.getValueAtPercentile(percentile) / 1000.0;
  }

  /** The same, counting each of {@code perOperation} items as one (a batch of 100 interactions). */
  Measurement perItem(int perOperation) {
    return new Measurement(count * perOperation, elapsed, failures, latencies);
  }
}
