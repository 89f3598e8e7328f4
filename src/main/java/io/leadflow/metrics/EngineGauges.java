package io.leadflow.metrics;

import io.leadflow.sales.SalesHandoffProcess;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Gauges of what is open now, asked of the engine when Prometheus scrapes, at most once per
 * {@code leadflow.metrics.refresh} (a few counts on indexed tables; never on the intake's or the
 * timers' paths):
 * <ul>
 *   <li>{@code leadflow_incidents_open}: incidents nobody resolved (failed jobs out of retries);
 *   <li>{@code leadflow_jobs_executable}: the job executor's backlog, jobs it may run now;
 *   <li>{@code leadflow_jobs_due}: timers whose time has come (sends due by the cadence, the
 *       safety net, escalations) and that have not run yet;
 *   <li>{@code leadflow_handoffs_open}: sales hand-offs not ended;
 *   <li>{@code leadflow_followups_open} and {@code leadflow_followups_oldest_open_age_seconds}:
 *       the hand-offs' follow-up tasks and how long the oldest has been waiting (0 with none).
 * </ul>
 */
@Component
class EngineGauges {

  private final ManagementService management;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final Clock clock;
  private final long refreshNanos;
  private Snapshot last;
  private long takenAt;

  EngineGauges(ManagementService management, RuntimeService runtime, TaskService tasks, Clock clock,
      MetricsSettings settings, MeterRegistry registry) {
    this.management = management;
    this.runtime = runtime;
    this.tasks = tasks;
    this.clock = clock;
    this.refreshNanos = settings.refresh().toNanos();
    gauge(registry, "leadflow.incidents.open", "Open incidents", Snapshot::incidents);
    gauge(registry, "leadflow.jobs.executable", "Jobs the job executor may run now (its backlog)", Snapshot::executableJobs);
    gauge(registry, "leadflow.jobs.due", "Timers whose due time has passed and that have not run", Snapshot::dueTimers);
    gauge(registry, "leadflow.handoffs.open", "Sales hand-offs not ended", Snapshot::openHandoffs);
    gauge(registry, "leadflow.followups.open", "Open follow-up tasks of sales hand-offs", Snapshot::openFollowUps);
    Gauge.builder("leadflow.followups.oldest.open.age", this, gauges -> gauges.current().oldestFollowUpAge())
        .description("How long the oldest open follow-up task has been waiting (0: none)").baseUnit("seconds")
        .register(registry);
  }

  private void gauge(MeterRegistry registry, String name, String description, ToDoubleFunction<Snapshot> value) {
    Gauge.builder(name, this, gauges -> value.applyAsDouble(gauges.current())).description(description).register(registry);
  }

  /** The last answer, or a new one when it is older than the refresh period. */
  synchronized Snapshot current() {
    long now = System.nanoTime();
    if (last == null || now - takenAt >= refreshNanos) {
      last = take();
      takenAt = now;
    }
    return last;
  }

  private Snapshot take() {
    Date now = Date.from(clock.instant());
    List<Task> oldest = tasks.createTaskQuery().processDefinitionKey(SalesHandoffProcess.KEY)
        .taskDefinitionKey(SalesHandoffProcess.Elements.FOLLOW_UP).orderByTaskCreateTime().asc().listPage(0, 1);
    double age = oldest.isEmpty() ? 0
        : Math.max(0, Duration.between(oldest.get(0).getCreateTime().toInstant(), now.toInstant()).toSeconds());
    return new Snapshot(
        runtime.createIncidentQuery().count(),
        management.createJobQuery().executable().count(),
        management.createJobQuery().timers().duedateLowerThan(now).count(),
        runtime.createProcessInstanceQuery().processDefinitionKey(SalesHandoffProcess.KEY).count(),
        tasks.createTaskQuery().processDefinitionKey(SalesHandoffProcess.KEY)
            .taskDefinitionKey(SalesHandoffProcess.Elements.FOLLOW_UP).count(),
        age);
  }

  record Snapshot(double incidents, double executableJobs, double dueTimers, double openHandoffs, double openFollowUps,
      double oldestFollowUpAge) {}
}
