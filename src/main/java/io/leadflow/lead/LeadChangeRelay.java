package io.leadflow.lead;

import io.leadflow.lead.LeadChangeSettings.RelayMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells the engine of committed lead changes ({@link LeadChangeOutbox}): takes the due rows of up
 * to {@code leadflow.lead-changes.batch} leads under a lease, then per lead, in a transaction of
 * its own, publishes one {@link LeadChangesCommitted} with the lead's latest state (its listeners
 * tell the journey and start the hand-off) and deletes the lead's rows. A lead whose relay fails
 * keeps its rows, retried later with a growing wait ({@link LeadChangeSettings#retryAfter}); a
 * change is never dropped. Listeners must be idempotent (they compare with what the engine knows),
 * as a change can be relayed twice when a relay dies after telling the engine but before its commit
 * (the engine's work and the rows' deletion commit together, so only a lost lease does that).
 * One relay at a time tells a lead: a round skips leads another relay holds under a live lease,
 * and the relay's transaction locks the lead's row.
 *
 * <p>Background mode (production): {@code relay-threads} threads, woken after each commit that
 * queued a change and every {@code sweep-every}; the request that changed the lead never waits on
 * the engine. Inline mode: the committing thread relays after its commit.
 */
@Component
public class LeadChangeRelay implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(LeadChangeRelay.class);

  private final JdbcTemplate jdbc;
  private final Leads leads;
  private final ApplicationEventPublisher events;
  private final LeadChangeSettings settings;
  private final Clock clock;
  private final TransactionTemplate transaction;
  private final Semaphore wakeUps = new Semaphore(0);
  private final ThreadLocal<Boolean> relaying = ThreadLocal.withInitial(() -> false);
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean running;

  LeadChangeRelay(JdbcTemplate jdbc, Leads leads, ApplicationEventPublisher events, LeadChangeSettings settings,
      Clock clock, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.leads = leads;
    this.events = events;
    this.settings = settings;
    this.clock = clock;
    this.transaction = new TransactionTemplate(transactions);
    this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** A transaction that queued changes has committed. */
  void committed() {
    if (settings.relay() == RelayMode.INLINE) {
      sweep();
    } else if (wakeUps.availablePermits() < settings.relayThreads()) {
      wakeUps.release(); // a burst of commits wakes each relay thread once, not once per commit
    }
  }

  /**
   * Relays every due change now, in the calling thread (what a background relay does when woken,
   * and after a restart: the changes a dead process left are due once their lease ran out).
   *
   * @return the leads whose changes were relayed
   */
  public int sweep() {
    if (relaying.get()) {
      return 0; // a change queued while relaying: the loop below takes it
    }
    relaying.set(true);
    try {
      int told = 0;
      for (int round; (round = relayRound()) > 0; ) {
        told += round;
      }
      return told;
    } finally {
      relaying.remove();
    }
  }

  /** Changes queued and not yet relayed (a gauge: it should stay near 0). */
  public long backlog() {
    return jdbc.queryForObject("select count(*) from lead_change_outbox", Long.class);
  }

  /** @return the leads taken in this round (0: nothing was due) */
  private int relayRound() {
    String lease = UUID.randomUUID().toString();
    Map<String, List<QueuedChange>> byLead = take(lease);
    for (Map.Entry<String, List<QueuedChange>> lead : byLead.entrySet()) {
      relay(lease, lead.getKey(), lead.getValue());
    }
    return byLead.size();
  }

  private Map<String, List<QueuedChange>> take(String lease) {
    return transaction.execute(status -> {
      Timestamp now = Timestamp.from(clock.instant());
      int taken = jdbc.update("""
          update lead_change_outbox set lease = ?, leased_until = ?
          where lead_id in (select lead_id from lead_change_outbox
                            where next_attempt_at <= ? and (leased_until is null or leased_until < ?)
                              and lead_id not in (select lead_id from lead_change_outbox where leased_until >= ?)
                            order by id limit ?)
            and next_attempt_at <= ? and (leased_until is null or leased_until < ?)
          """, lease, Timestamp.from(clock.instant().plus(settings.lease())), now, now, now, settings.batch(), now, now);
      Map<String, List<QueuedChange>> byLead = new LinkedHashMap<>();
      if (taken > 0) {
        jdbc.query("""
            select lead_id, became_sales_ready, email_suppressed, opt_in_confirmed, attempts
            from lead_change_outbox where lease = ? order by id
            """, row -> {
          byLead.computeIfAbsent(row.getString(1), id -> new ArrayList<>()).add(new QueuedChange(
              row.getBoolean(2), row.getBoolean(3), row.getBoolean(4), row.getInt(5)));
        }, lease);
      }
      return byLead;
    });
  }

  private void relay(String lease, String leadId, List<QueuedChange> changes) {
    try {
      transaction.executeWithoutResult(status -> {
        // locked: one relay at a time tells a lead's journey and hand-off, and an erasure or a
        // change of the lead waits for it (a check-then-start of a hand-off must not run twice);
        // an erased lead has nothing left to tell
        leads.lock(leadId).filter(lead -> !lead.isErased())
            .ifPresent(lead -> events.publishEvent(new LeadChangesCommitted(lead,
                changes.stream().anyMatch(QueuedChange::becameSalesReady) && lead.getStatus().isSalesReady(),
                changes.stream().anyMatch(QueuedChange::emailSuppressed),
                changes.stream().anyMatch(QueuedChange::optInConfirmed))));
        jdbc.update("delete from lead_change_outbox where lease = ? and lead_id = ?", lease, leadId);
      });
    } catch (RuntimeException e) {
      int attempts = changes.stream().mapToInt(QueuedChange::attempts).max().orElse(0) + 1;
      Instant retryAt = clock.instant().plus(settings.retryAfter(attempts));
      log.warn("The engine could not be told of lead {}'s changes (attempt {}); trying again at {}: {}",
          leadId, attempts, retryAt, e.toString());
      transaction.executeWithoutResult(status -> jdbc.update("""
          update lead_change_outbox set attempts = ?, next_attempt_at = ?, lease = null, leased_until = null
          where lease = ? and lead_id = ?
          """, attempts, Timestamp.from(retryAt), lease, leadId));
    }
  }

  private record QueuedChange(boolean becameSalesReady, boolean emailSuppressed, boolean optInConfirmed, int attempts) {}

  // ------------------------------------------------------------ background relay threads

  @Override
  public void start() {
    if (settings.relay() != RelayMode.BACKGROUND) {
      return;
    }
    running = true;
    for (int i = 1; i <= settings.relayThreads(); i++) {
      Thread thread = new Thread(this::relayUntilStopped, "lead-change-relay-" + i);
      thread.setDaemon(true);
      threads.add(thread);
      thread.start();
    }
  }

  private void relayUntilStopped() {
    while (running) {
      try {
        sweep();
        wakeUps.tryAcquire(settings.sweepEvery().toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException stopped) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        log.warn("Relaying lead changes failed; trying again in {}", settings.sweepEvery(), e);
        try {
          Thread.sleep(settings.sweepEvery().toMillis());
        } catch (InterruptedException stopped) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  @Override
  public void stop() {
    running = false;
    threads.forEach(Thread::interrupt);
    for (Thread thread : threads) {
      try {
        thread.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    threads.clear();
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
