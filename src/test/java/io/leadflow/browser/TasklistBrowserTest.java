package io.leadflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadflow.LeadflowTest;
import io.leadflow.security.LeadflowGroups;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.By;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A sales rep works a task in Camunda Tasklist in a real (headless) Chromium: logs in, finds the
 * task in a filter, claims it, sees the lead in a Camunda Form, records the outcome and completes
 * it; the engine's history must then show what the rep entered. Uses a test-only process and form
 * ({@code src/test/resources/browser/}), deployed here and removed afterwards.
 */
@LeadflowTest
class TasklistBrowserTest {

  @RegisterExtension static final HeadlessChromium browser = new HeadlessChromium();

  static final String PROCESS = "browser-check";
  static final String TASK = "Follow up Ada Lovelace (Analytical Engines)";
  static final String FILTER = "All tasks";
  static final AtomicInteger LEADS = new AtomicInteger();

  static String deploymentId;
  /** The authorization this test gave the sales group on the filter, if it had to; removed afterwards. */
  static String filterGrantId;

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired TaskService tasks;

  TasklistPage tasklist;
  ProcessInstance instance;
  String leadEmail;

  @BeforeAll
  static void deploy(@Autowired RepositoryService repository) throws IOException {
    try (InputStream bpmn = resource("browser-check.bpmn"); InputStream form = resource("browser-check.form")) {
      deploymentId = repository.createDeployment()
          .name("tasklist-browser-test")
          .addInputStream("browser-check.bpmn", bpmn)
          .addInputStream("browser-check.form", form)
          .deploy()
          .getId();
    }
  }

  /**
   * Tasklist lists only the filters a user may read. Leadflow's rights model does not (yet) let
   * sales read the "All tasks" filter that camunda.bpm.filter.create makes at start-up, so a rep
   * would see "No filter available."; the test lets the sales group read it while it runs.
   */
  @BeforeAll
  static void letSalesReadTheFilter(@Autowired FilterService filters, @Autowired AuthorizationService authorizations) {
    Filter filter = filters.createFilterQuery().filterName(FILTER).singleResult();
    assertThat(filter).as("the filter camunda.bpm.filter.create makes at start-up").isNotNull();
    boolean granted = authorizations.createAuthorizationQuery()
        .resourceType(Resources.FILTER).resourceId(filter.getId()).groupIdIn(LeadflowGroups.SALES).count() > 0;
    if (!granted) {
      System.out.printf("[browser] note: group '%s' may not read the filter '%s'; granted READ for this test only%n",
          LeadflowGroups.SALES, FILTER);
      Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      grant.setGroupId(LeadflowGroups.SALES);
      grant.setResource(Resources.FILTER);
      grant.setResourceId(filter.getId());
      grant.addPermission(Permissions.READ);
      filterGrantId = authorizations.saveAuthorization(grant).getId();
    }
  }

  @AfterAll
  static void cleanUp(@Autowired RepositoryService repository, @Autowired AuthorizationService authorizations) {
    if (deploymentId != null) {
      repository.deleteDeployment(deploymentId, true);
      deploymentId = null;
    }
    if (filterGrantId != null) {
      authorizations.deleteAuthorization(filterGrantId);
      filterGrantId = null;
    }
  }

  @BeforeEach
  void startInstance() {
    tasklist = new TasklistPage(browser, "http://localhost:" + port);
    leadEmail = "ada.lovelace+" + LEADS.incrementAndGet() + "@analytical-engines.example";
    instance = runtime.startProcessInstanceByKey(PROCESS, Map.of("leadEmail", leadEmail));
  }

  @AfterEach
  void removeUnfinishedInstance() {
    if (instance != null && runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).count() > 0) {
      runtime.deleteProcessInstance(instance.getId(), "browser test over");
    }
  }

  @Test
  void tasklistSaysLeadflowAndShowsRepsNoEndOfLifeNotice() {
    tasklist.login("sam", "demo");
    tasklist.openFilter(FILTER);

    WebDriver page = tasklist.driver();
    assertThat(page.getTitle()).as("config.js: the app's vendor and name").contains("Leadflow");
    assertThat(page.findElements(By.cssSelector(".ce-eol-banner")).stream().filter(WebElement::isDisplayed).toList())
        .as("the CE end-of-life notice is for operators").isEmpty();
    assertThat(page.findElement(By.cssSelector(".navbar-brand .brand-logo")).getCssValue("background-image"))
        .as("user-styles.css: Leadflow's logo").contains("leadflow-logo.svg");
    tasklist.screenshot("tasklist-branded");
  }

  @Test
  void aSalesRepClaimsTheTaskSeesTheLeadAndCompletesTheForm() {
    tasklist.login("sam", "demo");
    tasklist.openFilter(FILTER);
    assertThat(tasklist.taskNames()).contains(TASK);
    tasklist.openTask(TASK);
    tasklist.claim();

    assertThat(tasklist.valueOf("Lead email")).as("the form shows the lead").isEqualTo(leadEmail);
    assertThat(tasklist.formField("Lead email").getDomAttribute("readonly")).as("read-only").isNotNull();
    tasklist.select("Outcome", "Opportunity");
    tasklist.fill("Reason", "Budget approved for Q3; wants a demo of the analytical engine.");
    tasklist.screenshot("tasklist-form-filled");
    tasklist.complete();
    tasklist.screenshot("tasklist-task-completed");

    HistoricTaskInstance task = history.createHistoricTaskInstanceQuery()
        .processInstanceId(instance.getId()).singleResult();
    assertThat(task.getEndTime()).as("the task is completed").isNotNull();
    assertThat(task.getDeleteReason()).isEqualTo("completed");
    assertThat(task.getAssignee()).isEqualTo("sam");
    Map<String, Object> variables = history.createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).list().stream()
        .collect(Collectors.toMap(HistoricVariableInstance::getName, HistoricVariableInstance::getValue));
    assertThat(variables)
        .containsEntry("outcome", "OPPORTUNITY")
        .containsEntry("reason", "Budget approved for Q3; wants a demo of the analytical engine.")
        .containsEntry("leadEmail", leadEmail);
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).finished().count())
        .as("the process is over").isEqualTo(1);
  }

  @Test
  void aSalesRepOfAnotherTeamDoesNotSeeTheTask() {
    assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).taskCandidateGroup("salesEurope").count())
        .as("the task waits for Sales Europe").isEqualTo(1);

    tasklist.login("ana", "demo"); // a sales rep, in Sales Americas only
    tasklist.openFilter(FILTER);
    tasklist.screenshot("tasklist-other-team");

    assertThat(tasklist.taskNames()).doesNotContain(TASK);
  }

  private static InputStream resource(String name) {
    return TasklistBrowserTest.class.getResourceAsStream("/browser/" + name);
  }
}
