package io.leadflow.lead;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How committed lead changes reach the engine ({@code leadflow.lead-changes.*}, {@link
 * LeadChangeRelay}).
 *
 * @param relay {@code background} (default): relay threads, woken after each commit, tell the
 *     engine while the request that changed the lead has already answered; {@code inline}: the
 *     committing thread relays right after its commit (the test suite, for determinism)
 * @param relayThreads background relay threads (default 2); each takes other leads
 * @param batch leads one relay round takes at most (default 100)
 * @param sweepEvery how often a background relay looks for changes without being woken (default
 *     5 s): those of a process that died between its commit and its relay, and retries
 * @param lease how long a relay holds the changes it took (default 5 min); another relay, also on
 *     another node, takes them after it. Longer than {@code sweepEvery} and than relaying a whole
 *     batch (a lead takes milliseconds), or two relays would tell the same leads
 * @param retryFirst the wait before the first retry of a lead whose relay failed (default 5 s),
 *     doubled per failure up to {@code retryMax} (default 10 min); retried until it succeeds
 */
@ConfigurationProperties("leadflow.lead-changes")
public record LeadChangeSettings(RelayMode relay, Integer relayThreads, Integer batch, Duration sweepEvery,
    Duration lease, Duration retryFirst, Duration retryMax) {

  /** Who relays committed changes: background threads, or the committing thread itself. */
  public enum RelayMode { BACKGROUND, INLINE }

  public LeadChangeSettings {
    relay = relay == null ? RelayMode.BACKGROUND : relay;
    relayThreads = relayThreads == null ? 2 : relayThreads;
    batch = batch == null ? 100 : batch;
    sweepEvery = sweepEvery == null ? Duration.ofSeconds(5) : sweepEvery;
    lease = lease == null ? Duration.ofMinutes(5) : lease;
    retryFirst = retryFirst == null ? Duration.ofSeconds(5) : retryFirst;
    retryMax = retryMax == null ? Duration.ofMinutes(10) : retryMax;
    if (relayThreads < 1 || batch < 1) {
      throw new IllegalArgumentException("leadflow.lead-changes.relay-threads and .batch must be at least 1");
    }
    if (lease.compareTo(sweepEvery) <= 0) {
      // a round's leads must still be its own when the next sweep looks, or two relays tell them
      throw new IllegalArgumentException("leadflow.lead-changes.lease (" + lease
          + ") must be longer than sweep-every (" + sweepEvery + ") and than relaying a whole batch");
    }
  }

  /** The wait before retrying a lead whose relay failed {@code attempts} times (1 and up). */
  Duration retryAfter(int attempts) {
    Duration wait = retryFirst;
    for (int i = 1; i < attempts && wait.compareTo(retryMax) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(retryMax) > 0 ? retryMax : wait;
  }
}
