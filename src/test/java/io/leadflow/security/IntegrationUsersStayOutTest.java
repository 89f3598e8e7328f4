package io.leadflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadflow.Api;
import io.leadflow.LeadflowTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import java.net.http.HttpResponse;
import java.net.http.HttpRequest;
import java.net.http.HttpClient;
import java.net.URI;
import java.net.HttpCookie;
import java.net.CookieManager;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The integration user {@code crm} ("the lead API only") gets 403 on the engine REST API and the
 * webapps, and cannot change its own profile or password there (issue 17, case 7).
 */
@LeadflowTest
class IntegrationUsersStayOutTest {

  /** Another integration, for the wrong passwords: Camunda delays a user's logins after a failed one. */
  static final String IVY = "ivy";

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired org.camunda.bpm.engine.AuthorizationService authorizations;
  Api crm;

  @BeforeEach
  void setUp() {
    crm = Api.at(port).as("crm", "demo");
    if (identity.createUserQuery().userId(IVY).count() == 0) {
      User ivy = identity.newUser(IVY);
      ivy.setPassword("ivys-password");
      identity.saveUser(ivy);
      identity.createMembership(IVY, LeadflowGroups.INTEGRATION);
    }
  }

  @Test
  void anIntegrationGets403OnTheEngineRestApiAndChangesNothingOfItself() {
    Api.Response tasks = crm.get("/engine-rest/task");
    Api.Response profile = crm.putJson("/engine-rest/user/crm/profile",
        "{\"id\": \"crm\", \"firstName\": \"Taken\", \"lastName\": \"Over\", \"email\": \"attacker@example.com\"}");
    Api.Response credentials = crm.putJson("/engine-rest/user/crm/credentials",
        "{\"password\": \"the-attackers-password\", \"authenticatedUserPassword\": \"demo\"}");

    assertThat(tasks.status()).as(tasks.toString()).isEqualTo(403);
    assertThat(tasks.header("Content-Type")).startsWith("application/problem+json");
    assertThat(profile.status()).as(profile.toString()).isEqualTo(403);
    assertThat(credentials.status()).as(credentials.toString()).isEqualTo(403);
    assertThat(identity.createUserQuery().userId("crm").singleResult().getEmail()).isEqualTo("crm@leadflow.example");
    assertThat(crm.get("/api/leads?size=1").status()).as("its password still works on the lead API").isEqualTo(200);
    assertThat(identity.checkPassword("crm", "the-attackers-password")).isFalse();
  }

  @Test
  void anIntegrationCannotLogInToTheWebappsAndOneGivenAWebappByMistakeStillReachesNothingThroughThem() throws Exception {
    assertThat(webappLogin("crm", "demo", "welcome").statusCode()).as("crm may log in to no webapp").isEqualTo(401);

    // an administrator gives an integration user Tasklist by mistake: it logs in, and its session reaches nothing
    String oops = "oops" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 6);
    User user = identity.newUser(oops);
    user.setPassword("oops-password");
    identity.saveUser(user);
    identity.createMembership(oops, LeadflowGroups.INTEGRATION);
    org.camunda.bpm.engine.authorization.Authorization grant =
        authorizations.createNewAuthorization(org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT);
    grant.setUserId(oops);
    grant.setResource(org.camunda.bpm.engine.authorization.Resources.APPLICATION);
    grant.setResourceId("tasklist");
    grant.addPermission(org.camunda.bpm.engine.authorization.Permissions.ACCESS);
    authorizations.saveAuthorization(grant);
    try {
      assertThat(webappLogin(oops, "oops-password", "tasklist").statusCode()).isEqualTo(200);

      HttpResponse<String> profile = session.send(
          HttpRequest.newBuilder(URI.create(base() + "/camunda/api/engine/engine/default/user/" + oops + "/profile"))
              .header("Content-Type", "application/json").header("X-XSRF-TOKEN", csrf)
              .PUT(HttpRequest.BodyPublishers.ofString("{\"id\": \"" + oops + "\", \"email\": \"attacker@example.com\"}"))
              .build(),
          HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> tasks = session.send(HttpRequest.newBuilder(URI.create(base() + "/camunda/api/engine/engine/default/task"))
          .header("X-XSRF-TOKEN", csrf).build(), HttpResponse.BodyHandlers.ofString());

      assertThat(profile.statusCode()).as(profile.body()).isEqualTo(403);
      assertThat(tasks.statusCode()).as(tasks.body()).isEqualTo(403);
      assertThat(identity.createUserQuery().userId(oops).singleResult().getEmail()).isNull();
    } finally {
      identity.deleteUser(oops);
      authorizations.deleteAuthorization(grant.getId());
    }
  }

  HttpClient session;
  String csrf;

  private String base() {
    return "http://localhost:" + port;
  }

  /** Logs in to a webapp as a browser does: open it, take its CSRF token, post the login form. */
  private HttpResponse<String> webappLogin(String user, String password, String app) throws Exception {
    CookieManager cookies = new CookieManager();
    session = HttpClient.newBuilder().cookieHandler(cookies).build();
    session.send(HttpRequest.newBuilder(URI.create(base() + "/camunda/app/" + app + "/default/")).build(),
        HttpResponse.BodyHandlers.discarding());
    csrf = cookies.getCookieStore().getCookies().stream()
        .filter(cookie -> cookie.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue).findFirst().orElseThrow();
    return session.send(HttpRequest.newBuilder(URI.create(base() + "/camunda/api/admin/auth/user/default/login/" + app))
            .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", csrf)
            .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void peopleStillUseTheEngineRestApi() {
    assertThat(Api.at(port).as("mia", "demo").get("/engine-rest/task?maxResults=1").status()).isEqualTo(200);
    assertThat(Api.at(port).get("/engine-rest/task").status()).as("no credentials").isEqualTo(401);
    assertThat(Api.at(port).as(IVY, "wrong").get("/engine-rest/task").status()).as("wrong password").isEqualTo(401);
  }
}
