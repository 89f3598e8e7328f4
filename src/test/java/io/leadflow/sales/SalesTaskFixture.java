package io.leadflow.sales;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadflow.Api;
import io.leadflow.lead.Lead;
import io.leadflow.lead.Leads;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * Stand-ins for the sales processes ({@code sales-handoff}, {@code phone-a-lead}): one user task
 * offered to {@code ${team}}, assigned to {@code ${rep}}, due at {@code ${due}} (each may be
 * null). Deployed for a test and deleted after it with everything they made, so the real models
 * stay the latest versions for other tests.
 */
final class SalesTaskFixture {

  private final RepositoryService repository;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final Leads leads;
  private final Api marketing;
  private final List<String> deployments = new ArrayList<>();

  SalesTaskFixture(RepositoryService repository, RuntimeService runtime, TaskService tasks, Leads leads,
      Api marketing) {
    this.repository = repository;
    this.runtime = runtime;
    this.tasks = tasks;
    this.leads = leads;
    this.marketing = marketing;
  }

  static BpmnModelInstance process(String key) {
    return Bpmn.createExecutableProcess(key)
        .name("Test stand-in for " + key)
        .camundaHistoryTimeToLive(180)
        .startEvent()
        .userTask("Task_Work")
        .name("Work the lead")
        .camundaCandidateGroups("${team}")
        .camundaAssignee("${rep}")
        .camundaDueDate("${due}")
        .endEvent()
        .done();
  }

  /** Deploys the stand-ins of both sales processes. */
  SalesTaskFixture deploy() {
    deployments.add(repository.createDeployment()
        .name("sales-routing-test")
        .addModelInstance("sales-handoff-test.bpmn", process(SalesHandoffProcess.KEY))
        .addModelInstance("phone-a-lead-test.bpmn", process(PhoneALeadProcess.KEY))
        .deploy()
        .getId());
    return this;
  }

  /** Deletes the stand-ins with their instances, tasks and history. */
  void undeploy() {
    deployments.forEach(id -> repository.deleteDeployment(id, true));
    deployments.clear();
  }

  /** A task of the process, offered to the team and assigned to the rep (either may be null). */
  Task task(String processKey, String team, String rep, Date due) {
    String instance = runtime.startProcessInstanceByKey(processKey,
        Variables.createVariables().putValue("team", team).putValue("rep", rep).putValue("due", due)).getId();
    return tasks.createTaskQuery().processInstanceId(instance).singleResult();
  }

  /** The hand-off task the assignment says. */
  Task handOff(Assignment assignment) {
    return task(SalesHandoffProcess.KEY, assignment.team(), assignment.rep(), null);
  }

  long openTasks(String rep) {
    return tasks.createTaskQuery().taskAssignee(rep)
        .processDefinitionKeyIn(SalesHandoffProcess.KEY, PhoneALeadProcess.KEY).count();
  }

  /** A lead captured through the API, as stored. */
  Lead lead(String country, String industry, Integer companySize) {
    Api.Response response = marketing.postJson("/api/leads", """
        {"email": "%s", "company": "Routing Test %s", "country": %s, "industry": %s, "companySize": %s}"""
        .formatted("routing-" + UUID.randomUUID() + "@example.com", UUID.randomUUID(), json(country), json(industry),
            companySize));
    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    return leads.find(response.json().get("id").asText()).orElseThrow();
  }

  private static String json(String value) {
    return value == null ? "null" : "\"" + value + "\"";
  }
}
