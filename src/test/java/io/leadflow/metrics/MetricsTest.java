package io.leadflow.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadflow.Api;
import io.leadflow.LeadflowTest;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Prometheus scrapes /actuator/prometheus as an administrator and sees Leadflow's metrics move. */
@LeadflowTest
class MetricsTest {

  static final String PROMETHEUS = "/actuator/prometheus";

  @LocalServerPort int port;

  @Test
  void anAdministratorScrapesLeadflowsMetricsAndTheyMoveWithACaptureAndAnInteraction() {
    Api admin = Api.at(port).as("admin", "test-admin-password");
    Api marketing = Api.at(port).as("mia", "demo");
    Api.Response before = admin.get(PROMETHEUS);
    assertThat(before.status()).isEqualTo(200);
    assertThat(before.header("Content-Type")).startsWith("text/plain");
    assertThat(before.body()).contains(
        "leadflow_leads_captured_total", "leadflow_interactions_total{type=\"PAGE_VIEW\"}",
        "leadflow_points_awarded_total", "leadflow_emails_sent_total", "leadflow_emails_failed_total",
        "leadflow_emails_bounced_total", "leadflow_handoffs_started_total", "leadflow_incidents_open",
        "leadflow_jobs_executable", "leadflow_jobs_due", "leadflow_handoffs_open",
        "leadflow_followups_oldest_open_age_seconds");

    Api.Response captured = marketing.postJson("/api/leads", """
        {"email": "metered.%s@example.com", "firstName": "Mera", "lastName": "Meter", "company": "Gauge Works",
         "companySize": 80, "industry": "Software", "country": "DE"}""".formatted(UUID.randomUUID()));
    assertThat(captured.status()).isEqualTo(201);
    String lead = captured.json().get("id").asText();
    assertThat(marketing.postJson("/api/interactions", """
        {"leadId": "%s", "type": "DEMO_REQUEST"}""".formatted(lead)).status()).isEqualTo(201);
    // a scanner fetches the open pixel: recorded, filtered, 0 points
    assertThat(marketing.postJson("/api/interactions", """
        {"leadId": "%s", "type": "EMAIL_OPEN",
         "details": {"userAgent": "python-requests/2.31", "deliveryId": "metrics-check", "sentAt": "%s"}}"""
        .formatted(lead, java.time.Instant.now().minusSeconds(3600))).status()).isEqualTo(201);
    Api.Response after = admin.get(PROMETHEUS);

    assertThat(value(after, "leadflow_leads_captured_total")).isEqualTo(value(before, "leadflow_leads_captured_total") + 1);
    String demoRequests = "leadflow_interactions_total{type=\"DEMO_REQUEST\"}";
    assertThat(value(after, demoRequests)).isEqualTo(value(before, demoRequests) + 1);
    String points = "leadflow_points_awarded_total{type=\"DEMO_REQUEST\"}";
    assertThat(value(after, points)).isGreaterThan(value(before, points));
    assertThat(value(after, "leadflow_handoffs_started_total")).as("a demo request hands the lead to sales")
        .isEqualTo(value(before, "leadflow_handoffs_started_total") + 1);
    assertThat(value(after, "leadflow_jobs_executable")).as("the new journey's first step waits for the job executor")
        .isGreaterThan(value(before, "leadflow_jobs_executable"));
    assertThat(value(after, "leadflow_handoffs_open")).isGreaterThan(value(before, "leadflow_handoffs_open"));
    String filtered = "leadflow_interactions_filtered_total{type=\"EMAIL_OPEN\"}";
    assertThat(value(after, filtered)).as("the scanner's open").isEqualTo(value(before, filtered) + 1);
  }

  @Test
  void withoutCredentialsItIs401AndForMarketing403() {
    assertThat(Api.at(port).get(PROMETHEUS).status()).isEqualTo(401);
    assertThat(Api.at(port).as("mia", "demo").get(PROMETHEUS).status()).isEqualTo(403);
    assertThat(Api.at(port).as("admin", "wrong").get(PROMETHEUS).status()).isEqualTo(401);
  }

  /** A sample's value: the line that starts with the name (and its labels) exactly. */
  private static double value(Api.Response scrape, String sample) {
    Matcher line = Pattern.compile("^" + Pattern.quote(sample) + "(?:\\{[^}]*\\})? (\\S+)$", Pattern.MULTILINE)
        .matcher(scrape.body());
    assertThat(line.find()).as(sample + " in the scrape").isTrue();
    return Double.parseDouble(line.group(1));
  }
}
