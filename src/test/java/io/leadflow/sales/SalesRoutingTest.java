package io.leadflow.sales;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadflow.Api;
import io.leadflow.LeadflowTest;
import io.leadflow.lead.Leads;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Which team and rep a qualified lead goes to, and fair sharing within a team (demo reps: sam and eva in Europe). */
@LeadflowTest
class SalesRoutingTest {

  @LocalServerPort int port;
  @Autowired SalesRouting routing;
  @Autowired IdentityService identity;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired Leads leads;
  SalesTaskFixture fixture;

  @BeforeEach
  void deployStandIns() {
    fixture = new SalesTaskFixture(repository, runtime, tasks, leads, Api.at(port).as("mia", "demo")).deploy();
  }

  @AfterEach
  void undeployStandIns() {
    fixture.undeploy();
  }

  @Test
  void anEnterpriseInTheAmericasGoesToTheRepTheRuleNames() {
    Assignment assignment = routing.route(fixture.lead("US", "Software", 8000));

    assertThat(assignment.team()).isEqualTo("salesAmericas");
    assertThat(assignment.rep()).isEqualTo("ana");
    assertThat(assignment.ruleId()).isEqualTo("Rule_AmericasEnterprise");
    assertThat(assignment.reason()).contains("Enterprise accounts in the Americas", "ana is named by the rule");
  }

  @Test
  void aNamedRepWhoLeftTheTeamIsReplacedByFairShare() {
    identity.deleteMembership("ana", "salesAmericas");
    try {
      Assignment assignment = routing.route(fixture.lead("US", null, 8000));

      assertThat(assignment.team()).isEqualTo("salesAmericas");
      assertThat(assignment.rep()).isEqualTo("leo");
      assertThat(assignment.ruleId()).isEqualTo("Rule_AmericasEnterprise");
      assertThat(assignment.reason()).contains("ana (named by the rule) is not in salesAmericas");
    } finally {
      identity.createMembership("ana", "salesAmericas");
    }
  }

  @Test
  void leadsAreSharedFairlyAmongTheTeamsReps() {
    List<String> reps = members("salesEurope");
    assertThat(reps).containsExactly("eva", "sam");
    levelOpenTasks(reps);
    Map<String, Long> before = openTasksOf(reps);

    for (int i = 0; i < 4; i++) {
      Assignment assignment = routing.route(fixture.lead("DE", "Software", 300));
      assertThat(assignment.team()).isEqualTo("salesEurope");
      assertThat(assignment.ruleId()).isEqualTo("Rule_Emea");
      assertThat(assignment.reason()).contains("has the fewest open sales tasks in salesEurope");
      fixture.handOff(assignment);
    }

    Map<String, Long> after = openTasksOf(reps);
    reps.forEach(rep -> assertThat(after.get(rep) - before.get(rep)).as("hand-offs to %s", rep).isEqualTo(2));
  }

  @Test
  void openTasksOfPhoneALeadCountAsWorkloadToo() {
    levelOpenTasks(List.of("eva", "sam"));
    fixture.task(PhoneALeadProcess.KEY, "salesEurope", "sam", null);

    assertThat(routing.route(fixture.lead("FR", null, null)).rep()).isEqualTo("eva");
  }

  @Test
  void withEqualWorkloadsTheRepWithFewerHandOffsSoFarGetsTheLead() {
    levelOpenTasks(List.of("eva", "sam"));
    while (handOffsReceived("sam") <= handOffsReceived("eva")) {
      tasks.complete(fixture.task(SalesHandoffProcess.KEY, "salesEurope", "sam", null).getId());
    }

    Assignment assignment = routing.route(fixture.lead("GB", null, null));

    assertThat(assignment.rep()).isEqualTo("eva");
    assertThat(assignment.reason()).contains("eva has the fewest open sales tasks in salesEurope");
  }

  @Test
  void aTeamWithoutMembersGetsTheLeadWithoutARep() {
    List<String> apac = members("salesApac");
    apac.forEach(rep -> identity.deleteMembership(rep, "salesApac"));
    try {
      Assignment assignment = routing.route(fixture.lead("JP", "Software", 2000));

      assertThat(assignment.team()).isEqualTo("salesApac");
      assertThat(assignment.rep()).isNull();
      assertThat(assignment.ruleId()).isEqualTo("Rule_AsiaPacific");
      assertThat(assignment.reason()).contains("salesApac has no members");
    } finally {
      apac.forEach(rep -> identity.createMembership(rep, "salesApac"));
    }
  }

  @Test
  void aLeadWithoutCountryGoesToSalesEuropeAndSaysWhy() {
    Assignment assignment = routing.route(fixture.lead(null, null, null));

    assertThat(assignment.team()).isEqualTo("salesEurope");
    assertThat(assignment.rep()).isIn("sam", "eva");
    assertThat(assignment.ruleId()).isEqualTo("Rule_UnknownCountry");
    assertThat(assignment.reason()).startsWith("Country unknown or in no region");
  }

  private List<String> members(String team) {
    return identity.createUserQuery().memberOfGroup(team).orderByUserId().asc().list().stream().map(User::getId).toList();
  }

  private Map<String, Long> openTasksOf(List<String> reps) {
    Map<String, Long> open = new TreeMap<>();
    reps.forEach(rep -> open.put(rep, fixture.openTasks(rep)));
    return open;
  }

  /** Gives every rep as many open tasks as the busiest one, so the test starts from a fair state. */
  private void levelOpenTasks(List<String> reps) {
    long most = reps.stream().mapToLong(fixture::openTasks).max().orElse(0);
    for (String rep : reps) {
      for (long open = fixture.openTasks(rep); open < most; open++) {
        fixture.task(SalesHandoffProcess.KEY, "salesEurope", rep, null);
      }
    }
  }

  private long handOffsReceived(String rep) {
    return history.createHistoricTaskInstanceQuery().taskAssignee(rep).processDefinitionKey(SalesHandoffProcess.KEY).count();
  }
}
