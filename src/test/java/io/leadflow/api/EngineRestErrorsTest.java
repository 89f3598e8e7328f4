package io.leadflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadflow.Api;
import io.leadflow.LeadflowTest;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The engine REST API answers a client's mistake with 409 or 404 problem details, not 500 (issue 17, case 7). */
@LeadflowTest
class EngineRestErrorsTest {

  @LocalServerPort int port;
  @Autowired TaskService tasks;
  Api admin;
  Api rep;
  Task evasTask;

  @BeforeEach
  void setUp() {
    admin = Api.at(port).as("admin", "test-admin-password");
    rep = Api.at(port).as("sam", "demo");
    evasTask = tasks.newTask();
    evasTask.setName("Follow up (held by Eva)");
    tasks.saveTask(evasTask);
    tasks.addCandidateGroup(evasTask.getId(), "salesEurope");
    tasks.claim(evasTask.getId(), "eva");
  }

  @AfterEach
  void tearDown() {
    tasks.deleteTask(evasTask.getId(), true);
  }

  @Test
  void claimingATaskSomeoneElseHoldsIsAConflict() {
    for (Api who : new Api[] {rep, admin}) {
      Api.Response response = who.postJson("/engine-rest/task/" + evasTask.getId() + "/claim", "{\"userId\": \"sam\"}");

      assertProblem(response, 409, "TaskAlreadyClaimedException", "already claimed");
    }
    assertThat(tasks.createTaskQuery().taskId(evasTask.getId()).singleResult().getAssignee()).isEqualTo("eva");
  }

  @Test
  void aTaskThatDoesNotExistIsNotFound() {
    assertProblem(admin.postJson("/engine-rest/task/no-such-task/claim", "{\"userId\": \"admin\"}"), 404, "NullValueException", "Cannot find task");
    assertProblem(admin.postJson("/engine-rest/task/no-such-task/complete", "{}"), 404, "RestException", "Cannot find task");
    assertProblem(admin.postJson("/engine-rest/task/no-such-task/assignee", "{\"userId\": \"sam\"}"), 404, "NotFoundException", "Cannot find task");
  }

  @Test
  void aJobThatNoLongerExistsIsNotFound() {
    assertProblem(admin.putJson("/engine-rest/job/no-such-job/retries", "{\"retries\": 3}"), 404, "InvalidRequestException", "No job found");
    assertProblem(admin.putJson("/engine-rest/job/no-such-job/duedate", "{\"duedate\": null}"), 404, "InvalidRequestException", "No job found");
    assertThat(admin.postJson("/engine-rest/job/no-such-job/execute", "{}").status()).isEqualTo(404);
  }

  @Test
  void anExecutionThatDoesNotExistIsNotFound() {
    assertProblem(admin.get("/engine-rest/process-instance/no-such-instance/variables"), 404, "NullValueException", "doesn't exist");
    assertProblem(admin.postJson("/engine-rest/execution/no-such-execution/signal", "{}"), 404, "RestException", "doesn't exist");
  }

  @Test
  void authorizationsAndCamundasOwnAnswersStay() {
    Api.Response forbidden = Api.at(port).as("max", "demo").postJson("/engine-rest/task/" + evasTask.getId() + "/claim", "{\"userId\": \"max\"}");
    assertThat(forbidden.status()).as(forbidden.toString()).isEqualTo(403);
    assertThat(forbidden.json().get("type").asText()).isEqualTo("AuthorizationException");

    Api.Response unknownMessage = admin.postJson("/engine-rest/message", "{\"messageName\": \"NoSuchMessage\"}");
    assertThat(unknownMessage.status()).as(unknownMessage.toString()).isEqualTo(400);
  }

  private static void assertProblem(Api.Response response, int status, String type, String detail) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.json().get("status").asInt()).isEqualTo(status);
    assertThat(response.json().get("title").asText()).isNotBlank();
    assertThat(response.json().get("type").asText()).isEqualTo(type);
    assertThat(response.json().get("detail").asText()).contains(detail);
    assertThat(response.json().get("message").asText()).as("what Camunda clients show").contains(detail);
  }
}
