package io.leadflow.benchmark;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.HdrHistogram.Histogram;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Due jobs as after downtime, and the wait until the job executor has worked them off. Everything
 * is read from the database: what the job executor still has to do, and when each item was done.
 */
final class Backlog {

  private final JdbcTemplate jdbc;

  Backlog(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Makes up to {@code count} waiting timers of these activities of a process due now; returns how many. */
  int makeDue(String processKey, String activityIdPattern, int count) {
    return jdbc.update("""
        update act_ru_job set duedate_ = ?
        where id_ in (select j.id_ from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_
                      where d.proc_def_key_ = ? and d.act_id_ like ? and j.type_ = 'timer'
                      order by j.id_ limit ?)
        """, Timestamp.from(Instant.now().minusSeconds(1)), processKey, activityIdPattern, count);
  }

  /** Timers of these activities of a process that wait now. */
  long waitingTimers(String processKey, String activityIdPattern) {
    return jdbc.queryForObject("""
        select count(*) from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_
        where d.proc_def_key_ = ? and d.act_id_ like ? and j.type_ = 'timer'
        """, Long.class, processKey, activityIdPattern);
  }

  /** Jobs of this process the job executor could run now (or retries it still has to run). */
  long executable(String processKey) {
    return jdbc.queryForObject("""
        select count(*) from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_
        where d.proc_def_key_ = ? and j.retries_ > 0 and (j.duedate_ is null or j.duedate_ <= ?)
        """, Long.class, processKey, Timestamp.from(Instant.now()));
  }

  /** Jobs of this process that failed for good (incidents). */
  long failed(String processKey) {
    return jdbc.queryForObject("""
        select count(*) from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_
        where d.proc_def_key_ = ? and j.retries_ = 0
        """, Long.class, processKey);
  }

  /**
   * Waits (polling) until {@code done} says so; the time it took. Polls every 0.5 % of the time
   * so far, between 100 ms and 1 s: a count over a growing table every 100 ms took a third of a
   * PostgreSQL core during the 100,000-lead welcome backlog, and the error stays under 0.5 %.
   */
  static Duration await(Instant since, Duration atMost, java.util.function.BooleanSupplier done) {
    Instant deadline = Instant.now().plus(atMost);
    while (!done.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("Not done after " + atMost);
      }
      try {
        long soFar = Duration.between(since, Instant.now()).toMillis();
        Thread.sleep(Math.max(100, Math.min(1_000, soFar / 200)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    return Duration.between(since, Instant.now());
  }

  /** Microseconds from {@code since} to each timestamp the query returns (its one parameter is {@code since}). */
  Histogram latencies(String sqlReturningTimestamps, Instant since) {
    Histogram histogram = new Histogram(3);
    jdbc.query(sqlReturningTimestamps, row -> {
      Instant at = row.getTimestamp(1).toInstant();
      histogram.recordValue(Math.max(0, Duration.between(since, at).toNanos() / 1000));
    }, Timestamp.from(since));
    return histogram;
  }
}
