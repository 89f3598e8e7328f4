package io.leadflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadflow.Api;
import io.leadflow.LeadflowTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The tracking links and the engine REST API answer with security headers (issue 17, case 7). */
@LeadflowTest
class SecurityHeadersTest {

  @LocalServerPort int port;

  @Test
  void trackingPagesMayNotBeFramedSniffedOrRunScripts() {
    Api.Response page = Api.at(port).from(Api.someClientAddress()).get("/t/c/not-a-valid-token");

    assertThat(page.status()).isEqualTo(404);
    assertThat(page.header("Content-Type")).startsWith("text/html");
    assertCommonHeaders(page);
    assertThat(page.header("Content-Security-Policy"))
        .contains("default-src 'none'", "style-src 'unsafe-inline'", "frame-ancestors 'none'")
        .doesNotContain("script-src");
  }

  @Test
  void theEngineRestApiIsJsonOnly() {
    Api.Response authenticated = Api.at(port).as("mia", "demo").get("/engine-rest/process-definition?maxResults=1");
    Api.Response unauthenticated = Api.at(port).get("/engine-rest/process-definition");

    assertThat(authenticated.status()).isEqualTo(200);
    assertThat(unauthenticated.status()).isEqualTo(401);
    for (Api.Response response : new Api.Response[] {authenticated, unauthenticated}) {
      assertCommonHeaders(response);
      assertThat(response.header("Content-Security-Policy")).contains("default-src 'none'", "frame-ancestors 'none'");
    }
  }

  @Test
  void theWebappsKeepTheirOwnHeaders() {
    Api.Response tasklist = Api.at(port).get("/camunda/app/tasklist/default/");

    assertThat(tasklist.status()).isEqualTo(200);
    assertThat(tasklist.header("Content-Security-Policy")).as("Camunda's own, which lets Tasklist run its scripts")
        .contains("script-src");
  }

  private static void assertCommonHeaders(Api.Response response) {
    assertThat(response.header("X-Content-Type-Options")).as(response.toString()).isEqualTo("nosniff");
    assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
    assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
  }
}
