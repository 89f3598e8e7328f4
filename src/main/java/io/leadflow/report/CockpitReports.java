package io.leadflow.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The bridge from Cockpit's JAX-RS plugin resources (made by Cockpit, not by Spring: they find this
 * bean in the web application context of their servlet context) to the reports: the application's
 * {@link Reports} and JSON settings, so the dashboard shows what {@code /api/reports} answers.
 */
@Component
class CockpitReports {

  private final Reports reports;
  private final ObjectMapper json;
  private final Clock clock;

  CockpitReports(Reports reports, ObjectMapper json, Clock clock) {
    this.reports = reports;
    this.json = json;
    this.clock = clock;
  }

  /** Every report over the last {@code days} days up to today, as one JSON document. */
  String dashboard(int days) {
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    ReportPeriod period = new ReportPeriod(today.minusDays(days - 1L), today, ReportPeriod.Attribution.first, null);
    Map<String, Object> all = new LinkedHashMap<>();
    all.put("from", period.from());
    all.put("to", period.to());
    all.put("campaigns", reports.campaigns(period));
    all.put("funnel", reports.funnel(period));
    all.put("speedToLead", reports.speedToLead(period));
    all.put("scoreQuality", reports.scoreQuality(period));
    try {
      return json.writeValueAsString(all);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
