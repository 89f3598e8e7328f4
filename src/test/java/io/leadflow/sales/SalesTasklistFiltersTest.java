package io.leadflow.sales;

import static io.leadflow.sales.SalesTasklistFilters.CALLS_TO_MAKE;
import static io.leadflow.sales.SalesTasklistFilters.MY_TEAMS_LEADS;
import static io.leadflow.sales.SalesTasklistFilters.OVERDUE_FOLLOW_UPS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.Api;
import io.leadflow.LeadflowTest;
import io.leadflow.lead.Leads;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The shared Tasklist filters of sales, as reps, managers and marketing use them through the engine REST API. */
@LeadflowTest
class SalesTasklistFiltersTest {

  private static final List<String> FILTERS = List.of(MY_TEAMS_LEADS, CALLS_TO_MAKE, OVERDUE_FOLLOW_UPS);

  @LocalServerPort int port;
  @Autowired SalesTasklistFilters salesFilters;
  @Autowired FilterService filters;
  @Autowired AuthorizationService authorizations;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired Leads leads;
  SalesTaskFixture fixture;
  Api anonymous;

  @BeforeEach
  void deployStandIns() {
    anonymous = Api.at(port);
    fixture = new SalesTaskFixture(repository, runtime, tasks, leads, anonymous.as("mia", "demo")).deploy();
  }

  @AfterEach
  void undeployStandIns() {
    fixture.undeploy();
  }

  @Test
  void theFiltersAndTheirAuthorizationsExistOnceHoweverOftenLeadflowStarts() {
    salesFilters.ensure();
    salesFilters.ensure();

    for (String name : FILTERS) {
      List<Filter> named = filters.createFilterQuery().filterResourceType(EntityTypes.TASK).filterName(name).list();
      assertThat(named).as(name).hasSize(1);
      for (String group : List.of("sales", "managers", "marketing")) {
        assertThat(authorizations.createAuthorizationQuery()
                .groupIdIn(group).resourceType(Resources.FILTER).resourceId(named.get(0).getId()).list())
            .as("%s's authorizations on %s", group, name)
            .singleElement()
            .satisfies(authorization -> assertThat(authorization.isPermissionGranted(Permissions.READ)).isTrue());
      }
    }
  }

  @ParameterizedTest(name = "{0} sees the sales filters")
  @ValueSource(strings = {"sam", "max", "mia"})
  void salesManagersAndMarketingSeeTheFilters(String user) {
    Api.Response response = anonymous.as(user, "demo").get("/engine-rest/filter?resourceType=Task");

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    assertThat(response.json().findValuesAsText("name")).containsAll(FILTERS);
  }

  @Test
  void aRepSeesTheHandOffsOfHisTeamOnly() {
    Task europe = fixture.task(SalesHandoffProcess.KEY, "salesEurope", null, null);
    Task americas = fixture.task(SalesHandoffProcess.KEY, "salesAmericas", null, null);

    assertThat(taskIds("sam", MY_TEAMS_LEADS)).contains(europe.getId()).doesNotContain(americas.getId());
    assertThat(taskIds("ana", MY_TEAMS_LEADS)).contains(americas.getId()).doesNotContain(europe.getId());
  }

  @Test
  void aClaimedHandOffStaysInTheTeamsList() {
    Task claimed = fixture.task(SalesHandoffProcess.KEY, "salesEurope", "eva", null);

    assertThat(taskIds("eva", MY_TEAMS_LEADS)).contains(claimed.getId());
    assertThat(taskIds("sam", MY_TEAMS_LEADS)).as("the team sees who has it").contains(claimed.getId());
  }

  @Test
  void callsToMakeListsPhoneALeadTasksOfTheRepsTeam() {
    Task call = fixture.task(PhoneALeadProcess.KEY, "salesEurope", null, null);
    Task otherTeamsCall = fixture.task(PhoneALeadProcess.KEY, "salesApac", null, null);
    Task handOff = fixture.task(SalesHandoffProcess.KEY, "salesEurope", null, null);

    assertThat(taskIds("sam", CALLS_TO_MAKE)).contains(call.getId()).doesNotContain(otherTeamsCall.getId(), handOff.getId());
    assertThat(taskIds("sam", MY_TEAMS_LEADS)).doesNotContain(call.getId());
  }

  @Test
  void overdueFollowUpsAreTheHandOffsPastTheirDueDate() {
    Date yesterday = Date.from(Instant.now().minus(1, ChronoUnit.DAYS));
    Date tomorrow = Date.from(Instant.now().plus(1, ChronoUnit.DAYS));
    Task overdue = fixture.task(SalesHandoffProcess.KEY, "salesEurope", null, yesterday);
    Task due = fixture.task(SalesHandoffProcess.KEY, "salesEurope", null, tomorrow);
    Task otherTeamsOverdue = fixture.task(SalesHandoffProcess.KEY, "salesAmericas", null, yesterday);

    assertThat(taskIds("sam", OVERDUE_FOLLOW_UPS)).contains(overdue.getId()).doesNotContain(due.getId(), otherTeamsOverdue.getId());
    assertThat(taskIds("max", OVERDUE_FOLLOW_UPS)).as("managers see every team's")
        .contains(overdue.getId(), otherTeamsOverdue.getId()).doesNotContain(due.getId());
  }

  @Test
  void salesAndMarketingMayStartPhoneALead() {
    for (String user : List.of("sam", "mia")) {
      Api.Response started = anonymous.as(user, "demo").postJson(
          "/engine-rest/process-definition/key/phone-a-lead/start",
          "{\"variables\": {\"team\": {\"value\": \"salesEurope\"}, \"rep\": {\"value\": \"" + user + "\"},"
              + " \"due\": {\"value\": null}}}");
      assertThat(started.status()).as("%s: %s", user, started).isEqualTo(200);
    }
    assertThat(anonymous.as("crm", "demo").postJson("/engine-rest/process-definition/key/phone-a-lead/start", "{}").status())
        .as("integrations may not").isIn(401, 403, 404);
  }

  private List<String> taskIds(String user, String filterName) {
    String id = filters.createFilterQuery().filterName(filterName).list().get(0).getId();
    Api.Response response = anonymous.as(user, "demo").get("/engine-rest/filter/" + id + "/list");
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    for (JsonNode task : response.json()) {
      ids.add(task.get("id").asText());
    }
    return ids;
  }
}
