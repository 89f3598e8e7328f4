package io.leadflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadflow.Api;
import io.leadflow.LeadflowTest;
import io.leadflow.ModelerDeploy;
import io.leadflow.journey.LeadNurturingProcess;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Who reaches what: the lead API, the engine REST API, health, and each Camunda webapp. */
@LeadflowTest
class AccessTest {

  /** Takes the wrong-password attempts: Camunda throttles a user's logins after a failed one. */
  static final String EVE = "eve";

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  Api anonymous;

  @BeforeEach
  void setUp() {
    anonymous = Api.at(port);
    if (identity.createUserQuery().userId(EVE).count() == 0) {
      User eve = identity.newUser(EVE);
      eve.setPassword("eves-password");
      identity.saveUser(eve);
      identity.createMembership(EVE, LeadflowGroups.SALES);
    }
  }

  @Test
  void theLeadApiWantsCredentials() {
    Api.Response response = anonymous.get("/api/leads");

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.header("WWW-Authenticate")).startsWith("Basic");
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.json().get("status").asInt()).isEqualTo(401);
  }

  @Test
  void aWrongPasswordIsUnauthenticated() {
    assertThat(anonymous.as(EVE, "not-her-password").get("/api/leads").status()).isEqualTo(401);
    assertThat(anonymous.as("nobody", "demo").get("/api/leads").status()).isEqualTo(401);
  }

  @Test
  void aSalesRepMayNotUseTheLeadApiAndNothingIsStored() {
    Api.Response response = anonymous.as("sam", "demo").postJson("/api/leads", "{\"email\": \"sales.try@example.com\"}");

    assertThat(response.status()).isEqualTo(403);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(anonymous.as("mia", "demo").get("/api/leads?campaign=none").status()).isEqualTo(200);
  }

  @ParameterizedTest(name = "{0} may use the lead API")
  @CsvSource({"mia, demo", "crm, demo", "admin, test-admin-password"})
  void marketingIntegrationsAndAdministratorsUseTheLeadApi(String user, String password) {
    assertThat(anonymous.as(user, password).get("/api/leads?size=1").status()).isEqualTo(200);
  }

  @Test
  void theEngineRestApiWantsCredentialsAndAppliesAuthorizations() {
    assertThat(anonymous.get("/engine-rest/process-definition").status()).isEqualTo(401);
    assertThat(anonymous.as(EVE, "wrong").get("/engine-rest/process-definition").status()).isEqualTo(401);

    Api.Response designer = anonymous.as("mia", "demo").get("/engine-rest/process-definition?key=lead-nurturing");
    assertThat(designer.status()).isEqualTo(200);
    assertThat(designer.json().findValuesAsText("key")).contains(LeadNurturingProcess.KEY);

    Api manager = anonymous.as("max", "demo");
    Api.Response journeys = manager.get("/engine-rest/process-instance?processDefinitionKey=lead-nurturing&maxResults=1");
    assertThat(journeys.status()).isEqualTo(200);
    assertThat(journeys.json()).as("managers see journeys").isNotEmpty();
    String journeyId = journeys.json().get(0).get("id").asText();
    assertThat(manager.delete("/engine-rest/process-instance/" + journeyId).status())
        .as("managers only watch").isEqualTo(403);
    assertThat(anonymous.as("sam", "demo").get("/engine-rest/process-instance?processDefinitionKey=lead-nurturing").json())
        .as("sales reps see no journeys").isEmpty();
  }

  @Test
  void aProcessDesignerDeploysFromCamundaModelerAndASalesRepMayNot() throws IOException {
    String bpmn = new String(getClass().getResourceAsStream("/bpmn/lead-nurturing.bpmn").readAllBytes())
        .replace("id=\"lead-nurturing\"", "id=\"modeler-deploy-check\"")
        .replace("bpmnElement=\"lead-nurturing\"", "bpmnElement=\"modeler-deploy-check\"");

    HttpResponse<String> designer = ModelerDeploy.deploy(port, "mia", "demo", "modeler-deploy-check", "modeler-deploy-check.bpmn", bpmn);
    HttpResponse<String> salesRep = ModelerDeploy.deploy(port, "sam", "demo", "modeler-deploy-check", "modeler-deploy-check.bpmn", bpmn);

    assertThat(designer.statusCode()).as(designer.body()).isEqualTo(200);
    assertThat(designer.body()).contains("modeler-deploy-check");
    assertThat(salesRep.statusCode()).as(salesRep.body()).isEqualTo(403);
  }

  @Test
  void healthIsPublicAndTheRestOfActuatorIsForAdministrators() {
    Api.Response health = anonymous.get("/actuator/health");
    assertThat(health.status()).as(health.toString()).isEqualTo(200);
    assertThat(health.json().get("status").asText()).isEqualTo("UP");
    assertThat(anonymous.get("/actuator/metrics").status()).isEqualTo(401);
    assertThat(anonymous.as("mia", "demo").get("/actuator/metrics").status()).isEqualTo(403);
    assertThat(anonymous.as("admin", "test-admin-password").get("/actuator/metrics").status()).isEqualTo(200);
  }

  @ParameterizedTest(name = "{0} logs into {2}: {3}")
  @CsvSource({
    "sam,   demo,  tasklist, 200",
    "sam,   demo,  cockpit,  403",
    "sam,   demo,  admin,    403",
    "max,   demo,  cockpit,  200",
    "max,   demo,  tasklist, 200",
    "max,   demo,  admin,    403",
    "mia,   demo,  cockpit,  200",
    "mia,   demo,  tasklist, 200",
    "mia,   demo,  admin,    403",
    "crm,   demo,  tasklist, 403",
    "crm,   demo,  cockpit,  403",
    "admin, test-admin-password, admin,    200",
    "admin, test-admin-password, cockpit,  200",
    "admin, test-admin-password, tasklist, 200",
    "eve,   wrong, tasklist, 401",
  })
  void eachGroupReachesExactlyTheWebappsItShould(String user, String password, String app, int expected)
      throws IOException, InterruptedException {
    // as a browser does: open the app, take its CSRF token, log in on the app's login endpoint
    CookieManager cookies = new CookieManager();
    HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
    String base = "http://localhost:" + port;
    browser.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/" + app + "/default/")).build(),
        HttpResponse.BodyHandlers.discarding());
    String csrf = cookies.getCookieStore().getCookies().stream()
        .filter(cookie -> cookie.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue).findFirst().orElseThrow();

    HttpResponse<String> login = browser.send(
        HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default/login/" + app))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-XSRF-TOKEN", csrf)
            .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password))
            .build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(login.statusCode()).as(login.body()).isEqualTo(expected);
    if (expected == 200) {
      assertThat(login.body()).contains("\"" + app + "\"");
    }
  }
}
