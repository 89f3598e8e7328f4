package io.leadflow.benchmark;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What PostgreSQL's autovacuum daemon would do, on a server where it is off (as on this machine
 * kind: {@code autovacuum = off}), with its default thresholds: every 15 s, each table with more
 * dead rows than {@code autovacuum_vacuum_threshold} (50) + {@code autovacuum_vacuum_scale_factor}
 * (0.2) x its rows is vacuumed, and each changed by more than {@code autovacuum_analyze_threshold}
 * (50) + {@code autovacuum_analyze_scale_factor} (0.1) x its rows since its last analysis is
 * analysed. Without it the statistics of a database that grows
 * from empty stay those of the empty tables, and plans cached while the tables were small (the
 * driver's prepared statements) read whole tables for every lookup: in the 100,000-lead run of
 * 2026-12-04, 2 sequential scans of {@code leads} per capture, 60 captures a second at 70,000
 * leads instead of 270. Production runs autovacuum; Leadflow itself analyses only after bulk
 * imports ({@code leadflow.import.analyze-every}). Runs only when the server's autovacuum is off.
 */
final class AutovacuumStandIn implements AutoCloseable {

  private final JdbcTemplate jdbc;
  private final ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(task -> {
    Thread thread = new Thread(task, "autovacuum-stand-in");
    thread.setDaemon(true);
    return thread;
  });

  AutovacuumStandIn(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    if ("off".equals(jdbc.queryForObject("show autovacuum", String.class))) {
      schedule.scheduleWithFixedDelay(this::analyseChangedTables, 15, 15, TimeUnit.SECONDS);
    }
  }

  private void analyseChangedTables() {
    try {
      List<String> withDeadRows = jdbc.queryForList("""
          select quote_ident(s.schemaname) || '.' || quote_ident(s.relname) from pg_stat_user_tables s
          join pg_class c on c.oid = s.relid
          where s.n_dead_tup > 50 + 0.2 * greatest(c.reltuples, 0)
          """, String.class);
      withDeadRows.forEach(table -> jdbc.execute("vacuum analyze " + table));
      List<String> changed = jdbc.queryForList("""
          select quote_ident(s.schemaname) || '.' || quote_ident(s.relname) from pg_stat_user_tables s
          join pg_class c on c.oid = s.relid
          where s.n_mod_since_analyze > 50 + 0.1 * greatest(c.reltuples, 0)
          """, String.class);
      changed.forEach(table -> jdbc.execute("analyze " + table));
    } catch (RuntimeException e) {
      // the next round tries again; the benchmark's own queries must not fail because of this one
    }
  }

  @Override
  public void close() {
    schedule.shutdownNow();
  }
}
