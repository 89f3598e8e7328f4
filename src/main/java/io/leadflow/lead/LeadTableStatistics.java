package io.leadflow.lead;

import io.leadflow.LeadflowProperties;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps PostgreSQL's planner statistics of the lead tables fresh while leads are captured in bulk
 * (an import, a batch of captures). A bulk load grows a table faster than autovacuum analyzes it
 * (and some installations, this project's CI machines among them, run without autovacuum), and a
 * plan that a pooled connection cached while the table was small (a sequential scan) stays in
 * use: the lookup of a chunk's known leads then reads the whole table, and an import slows down
 * as it grows. Seen in the benchmark: ten sequential scans of {@code leads} per batch of 500 rows,
 * 340 rows a second at 60,000 leads. PostgreSQL's own advice for bulk loads is to ANALYZE
 * (documentation, "Populating a Database"); doing so also invalidates the cached plans.
 *
 * <p>Every {@code leadflow.import.analyze-every} new leads (10,000) it analyzes {@code leads},
 * {@code lead_captures} and {@code lead_transitions}, in the caller's transaction (a few hundred
 * milliseconds at 100,000 leads). Nothing on other databases.
 */
@Component
class LeadTableStatistics {

  private static final Logger log = LoggerFactory.getLogger(LeadTableStatistics.class);

  private final JdbcTemplate jdbc;
  private final boolean postgres;
  private final long every;
  private final AtomicLong sinceLast = new AtomicLong();

  LeadTableStatistics(JdbcTemplate jdbc, LeadflowProperties properties) {
    this.jdbc = jdbc;
    this.every = properties.importing().analyzeEvery();
    this.postgres = "PostgreSQL".equals(jdbc.execute(
        (ConnectionCallback<String>) connection -> connection.getMetaData().getDatabaseProductName()));
  }

  /** Counts new leads; analyzes the lead tables when enough have come since the last time. */
  void created(int leads) {
    if (!postgres || leads == 0) {
      return;
    }
    // one caller per threshold analyzes (an import's slices call at once); the rest count on
    boolean due = sinceLast.getAndUpdate(count -> count + leads >= every ? 0 : count + leads) + leads >= every;
    if (!due) {
      return;
    }
    long started = System.nanoTime();
    jdbc.execute("analyze leads, lead_captures, lead_transitions");
    log.debug("Analyzed the lead tables after {} new leads in {} ms", every, (System.nanoTime() - started) / 1_000_000);
  }
}
