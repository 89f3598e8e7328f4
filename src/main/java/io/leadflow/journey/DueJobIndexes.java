package io.leadflow.journey;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Two indexes on the engine's job table that keep the job executor's acquisition query fast when
 * every waiting journey holds timers: 100,000 leads mean 200,000 rows in {@code ACT_RU_JOB}.
 *
 * <p>The acquisition query (Camunda's {@code selectNextJobsToExecute}) asks for due, unlocked jobs
 * whose process instance has no other locked exclusive job. Camunda indexes neither the due date nor
 * the lock, so PostgreSQL scanned the whole table for the first and again, in parallel, for the
 * second: 874-976 ms per acquisition at 171,000 jobs, and the backlog of due sends decayed from 65
 * to 19 a second (docs/benchmark/2026-12-04-100000-attempt.md). With acquisition by due date
 * ({@code jobExecutorAcquireByDueDate}, {@code ensureJobDueDateNotNull} in application.yml) the
 * query walks {@value #DUE_DATE} in order and stops at the 16th job, and the locked jobs come from
 * {@value #LOCKED}, a partial index of the few locked rows: 0.8 ms instead of 142 ms on a fresh
 * table of 200,000 jobs (docs/benchmark.md, "Tuning").
 *
 * <p>Created when the engine has built its schema, {@code if not exists}, so every start and every
 * node may try; building them locks the job table against writes for a few seconds, once. H2 has no
 * partial indexes: there only the due-date index is made. Jobs left without a due date by an
 * earlier version (which the acquisition no longer looks for) are given their creation time.
 */
@Component
class DueJobIndexes extends AbstractProcessEnginePlugin {

  static final String DUE_DATE = "LEADFLOW_IDX_JOB_DUEDATE";
  static final String LOCKED = "LEADFLOW_IDX_JOB_LOCKED";

  private static final Logger log = LoggerFactory.getLogger(DueJobIndexes.class);

  private ProcessEngineConfigurationImpl configuration;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    this.configuration = configuration;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    String jobs = configuration.getDatabaseTablePrefix() + "ACT_RU_JOB";
    // jobs made before ensure-job-due-date-not-null have none, and the acquisition no longer asks
    // for "due date is null": they would never run. Due now, as they were.
    String dueNow = "update " + jobs + " set DUEDATE_ = coalesce(CREATE_TIME_, current_timestamp) where DUEDATE_ is null";
    List<String> statements = switch (configuration.getDatabaseType()) {
      case "postgres" -> List.of(dueNow,
          "create index if not exists " + DUE_DATE + " on " + jobs + " (DUEDATE_)",
          "create index if not exists " + LOCKED + " on " + jobs
              + " (PROCESS_INSTANCE_ID_) where LOCK_OWNER_ is not null");
      case "h2" -> List.of(dueNow, "create index if not exists " + DUE_DATE + " on " + jobs + " (DUEDATE_)");
      default -> List.of();
    };
    if (statements.isEmpty()) {
      log.warn("No job indexes for database type {}: acquisition scans {}", configuration.getDatabaseType(), jobs);
      return;
    }
    create(configuration.getDataSource(), statements);
  }

  private static void create(DataSource dataSource, List<String> statements) {
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(true);
      try (Statement statement = connection.createStatement()) {
        for (String sql : statements) {
          statement.execute(sql);
        }
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new ProcessEngineException("Could not create the job indexes " + DUE_DATE + " and " + LOCKED, e);
    }
  }
}
