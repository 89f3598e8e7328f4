package io.leadflow.metrics;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code leadflow.metrics.refresh}: how long the gauges that query the engine (incidents, jobs,
 * open hand-offs, the oldest follow-up) keep their last answer; a scrape within that time asks
 * the database nothing (default 5 s).
 */
@ConfigurationProperties("leadflow.metrics")
record MetricsSettings(Duration refresh) {

  MetricsSettings {
    refresh = refresh == null ? Duration.ofSeconds(5) : refresh;
  }
}
