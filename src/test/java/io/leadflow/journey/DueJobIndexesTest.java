package io.leadflow.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadflow.LeadflowTest;
import io.leadflow.lead.CaptureChannel;
import io.leadflow.lead.LeadCapture;
import io.leadflow.lead.LeadProfile;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The job executor reads due jobs in due-date order from Leadflow's indexes on the engine's job table. */
@LeadflowTest
class DueJobIndexesTest {

  @Autowired ProcessEngine engine;
  @Autowired DataSource dataSource;
  @Autowired LeadCapture capture;

  @Test
  void aNewLeadsJourneyStartJobHasADueDate_soTheJobExecutorTakingJobsByDueDateFindsIt() {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    String leadId = capture.capture(new LeadProfile("due." + UUID.randomUUID() + "@example.com", "Dora", "Due",
        "Acquisition Ltd", 50, null, null, null, null, "test", null, null), CaptureChannel.API, "test").lead().getId();

    Job start = engine.getManagementService().createJobQuery()
        .processInstanceId(Journeys.journeyOf(engine, leadId).getId())
        .activityId(LeadNurturingProcess.Elements.START).singleResult();

    assertThat(configuration.isJobExecutorAcquireByDueDate()).isTrue();
    assertThat(start.getDuedate()).as("an asynchronous continuation, due now").isNotNull();
  }

  @Test
  void theJobTableCarriesLeadflowsDueDateIndex_andOnPostgresqlThePartialIndexOfLockedJobs() throws SQLException {
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
