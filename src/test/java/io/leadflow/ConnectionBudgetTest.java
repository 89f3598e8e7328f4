package io.leadflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 17, case 8: each node held 30 connections while idle; four nodes exhausted PostgreSQL's
 * 100. The pool is sized from the job threads (two connections each while sending, one for the
 * acquisition) plus HTTP, and an idle node keeps two.
 */
@LeadflowTest
class ConnectionBudgetTest {

  @Autowired HikariDataSource pool;
  @Autowired CamundaBpmProperties camunda;

  @Test
  void aNodeKeepsTwoIdleConnectionsAndAtMost25_twoPerJobThreadOneForAcquisitionAndEightForHttp() {
    assertThat(camunda.getJobExecution().getMaxPoolSize()).isEqualTo(8);
    assertThat(ConnectionBudget.forJobs(8)).isEqualTo(17);

    assertThat(pool.getMinimumIdle()).isEqualTo(2);
    assertThat(pool.getMaximumPoolSize()).isEqualTo(25);
    assertThat(pool.getIdleTimeout()).isEqualTo(300_000);
    assertThat(pool.getConnectionTimeout()).isEqualTo(10_000);
  }

  @Test
  void aPoolThatCannotServeEveryJobThreadTwiceOrKeepsEverythingIdleDoesNotStart() {
    assertThatThrownBy(() -> ConnectionBudget.check(10, 2, 8))
        .hasMessageContaining("8 job threads need up to 17 connections at once")
        .hasMessageContaining("at least 18");
    assertThatThrownBy(() -> ConnectionBudget.check(30, 30, 8))
        .hasMessageContaining("minimum-idle is 30 of 30");
    ConnectionBudget.check(25, 2, 8);
    ConnectionBudget.check(2, 1, 0);
  }
}
