package io.leadflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadflow.Api;
import io.leadflow.LeadflowTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
  void peopleStillUseTheEngineRestApi() {
    assertThat(Api.at(port).as("mia", "demo").get("/engine-rest/task?maxResults=1").status()).isEqualTo(200);
    assertThat(Api.at(port).get("/engine-rest/task").status()).as("no credentials").isEqualTo(401);
    assertThat(Api.at(port).as(IVY, "wrong").get("/engine-rest/task").status()).as("wrong password").isEqualTo(401);
  }
}
