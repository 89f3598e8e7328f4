package io.leadflow;

import com.zaxxer.hikari.HikariDataSource;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The database connections one node may hold (docs/operations.md, "Connection budget"): each
 * job thread needs two at once while it sends (its job's, and the delivery record's in a
 * transaction of its own), the job acquisition one. A pool smaller than that lets job threads
 * wait on each other for the second connection; so Leadflow refuses to start with one. A minimum
 * idle as large as the pool keeps every connection open while nothing happens (30 per node took
 * PostgreSQL's 100 with four nodes, issue 17), so that is refused as well.
 */
@Component
class ConnectionBudget {

  private static final Logger log = LoggerFactory.getLogger(ConnectionBudget.class);

  private final ObjectProvider<HikariDataSource> pool;
  private final CamundaBpmProperties camunda;

  ConnectionBudget(ObjectProvider<HikariDataSource> pool, CamundaBpmProperties camunda) {
    this.pool = pool;
    this.camunda = camunda;
  }

  /** The connections the job executor alone may hold at once. */
  static int forJobs(int jobThreads) {
    return 2 * jobThreads + 1;
  }

  @EventListener(ApplicationStartedEvent.class)
  void check() {
    HikariDataSource hikari = pool.getIfAvailable();
    if (hikari == null) {
      return;
    }
    int jobThreads = camunda.getJobExecution().isEnabled() ? camunda.getJobExecution().getMaxPoolSize() : 0;
    check(hikari.getMaximumPoolSize(), hikari.getMinimumIdle(), jobThreads);
    log.info("Connection budget: at most {} connections ({} for {} job threads, {} for HTTP), {} kept idle",
        hikari.getMaximumPoolSize(), forJobs(jobThreads), jobThreads, hikari.getMaximumPoolSize() - forJobs(jobThreads),
        hikari.getMinimumIdle());
  }

  static void check(int maximumPoolSize, int minimumIdle, int jobThreads) {
    if (maximumPoolSize < forJobs(jobThreads) + 1) {
      throw new IllegalStateException("spring.datasource.hikari.maximum-pool-size is " + maximumPoolSize + ", but "
          + jobThreads + " job threads need up to " + forJobs(jobThreads) + " connections at once, and HTTP requests at "
          + "least one more: set it to at least " + (forJobs(jobThreads) + 1) + " (docs/operations.md, \"Connection budget\")");
    }
    if (minimumIdle >= maximumPoolSize) {
      throw new IllegalStateException("spring.datasource.hikari.minimum-idle is " + minimumIdle + " of "
          + maximumPoolSize + ": every node would keep all its connections open while idle; set a small minimum-idle "
          + "(docs/operations.md, \"Connection budget\")");
    }
  }
}
