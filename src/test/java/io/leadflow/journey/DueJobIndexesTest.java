package io.leadflow.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadflow.LeadflowTest;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The job executor reads due jobs in due-date order from Leadflow's indexes on the engine's job table. */
@LeadflowTest
class DueJobIndexesTest {

  @Autowired ProcessEngine engine;
  @Autowired DataSource dataSource;

  @Test
  void theJobExecutorAcquiresByDueDateAndEveryJobHasOne() {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();

    assertThat(configuration.isJobExecutorAcquireByDueDate()).isTrue();
    assertThat(configuration.isEnsureJobDueDateNotNull()).isTrue();
  }

  @Test
  void theJobTableHasTheDueDateIndexAndOnPostgresqlThePartialIndexOfLockedJobs() throws SQLException {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();

    Set<String> indexes = indexesOf("ACT_RU_JOB");

    assertThat(indexes).contains(DueJobIndexes.DUE_DATE);
    if (configuration.getDatabaseType().equals("postgres")) {
      assertThat(indexes).contains(DueJobIndexes.LOCKED);
    }
  }

  private Set<String> indexesOf(String table) throws SQLException {
    Set<String> names = new HashSet<>();
    try (Connection connection = dataSource.getConnection()) {
      DatabaseMetaData metaData = connection.getMetaData();
      for (String spelling : Set.of(table, table.toLowerCase(Locale.ROOT))) {
        try (ResultSet rows = metaData.getIndexInfo(null, null, spelling, false, false)) {
          while (rows.next()) {
            String name = rows.getString("INDEX_NAME");
            if (name != null) {
              names.add(name.toUpperCase(Locale.ROOT));
            }
          }
        }
      }
    }
    return names;
  }
}
