package io.leadflow.lead;

import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The transactional outbox of lead changes the engine must learn of (table {@code
 * lead_change_outbox}): {@link LeadLifecycle} and {@link DoubleOptIn} queue a row in the
 * transaction that changes the lead, so the row commits or rolls back with the change and no
 * engine command runs in that transaction. After the commit {@link LeadChangeRelay} is woken; if
 * the process dies first, the row waits in the database for the next relay (its sweep, or another
 * node's). One insert per change; the relay merges a lead's rows.
 */
@Component
class LeadChangeOutbox {

  private final JdbcTemplate jdbc;
  private final LeadChangeRelay relay;
  private final Clock clock;

  LeadChangeOutbox(JdbcTemplate jdbc, LeadChangeRelay relay, Clock clock) {
    this.jdbc = jdbc;
    this.relay = relay;
    this.clock = clock;
  }

  /** The lead's status or stage changed (in the current transaction). */
  void stateChanged(Lead lead, boolean becameSalesReady) {
    queue(lead.getId(), becameSalesReady, false, false);
  }

  /** The lead's address went on the suppression list (in the current transaction). */
  void emailSuppressed(Lead lead) {
    queue(lead.getId(), false, true, false);
  }

  /** The lead confirmed its address (in the current transaction). */
  void optInConfirmed(String leadId) {
    queue(leadId, false, false, true);
  }

  private void queue(String leadId, boolean becameSalesReady, boolean emailSuppressed, boolean optInConfirmed) {
    Timestamp now = Timestamp.from(clock.instant());
    jdbc.update("""
        insert into lead_change_outbox (lead_id, became_sales_ready, email_suppressed, opt_in_confirmed, queued_at,
          next_attempt_at) values (?, ?, ?, ?, ?, ?)
        """, leadId, becameSalesReady, emailSuppressed, optInConfirmed, now, now);
    wakeRelayAfterCommit();
  }

  /** Once per transaction: the relay is woken when (and only if) it commits. */
  private void wakeRelayAfterCommit() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      relay.committed();
      return;
    }
    boolean registered = TransactionSynchronizationManager.getSynchronizations().stream()
        .anyMatch(WakeRelayAfterCommit.class::isInstance);
    if (!registered) {
      TransactionSynchronizationManager.registerSynchronization(new WakeRelayAfterCommit());
    }
  }

  private final class WakeRelayAfterCommit implements TransactionSynchronization {
    @Override
    public void afterCommit() {
      relay.committed();
    }
  }
}
