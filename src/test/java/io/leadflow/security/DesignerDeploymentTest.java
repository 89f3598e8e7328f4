package io.leadflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.LeadflowTest;
import io.leadflow.ModelerDeploy;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 17, case 1: a process designer (mia, marketing) deploys through the engine REST API as
 * Camunda Modeler does, and a model is code. What she deploys may use Leadflow's delegates and
 * designer beans, variables and FEEL, and nothing that reaches the engine, the application or the JVM.
 */
@LeadflowTest
class DesignerDeploymentTest {

  private static final String GRANT = "designer-grants-admin";
  private static final String SECRET = "designer-reads-secret";

  @LocalServerPort int port;
  @Value("${camunda.bpm.admin-user.id}") String admin;
  @Value("${camunda.bpm.admin-user.password}") String adminPassword;
  @Value("${leadflow.tracking.secret}") String trackingSecret;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired IdentityService identity;

  private final List<String> deployments = new ArrayList<>();

  @AfterEach
  void removeWhatAdministratorsDeployed() {
    deployments.forEach(id -> repository.deleteDeployment(id, true));
  }

  @Test
  void aDesignerCannotMakeHerselfAdministratorThroughAnExpression() {
    HttpResponse<String> refused = deployAs("mia", "demo", GRANT + ".bpmn", asyncServiceTask(GRANT, "grant",
        "camunda:expression=\"${identityService.createMembership('mia','camunda-admin')}\""));

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(messageOf(refused))
        .contains("Leadflow refuses deployment")
        .contains("serviceTask 'grant'")
        .contains("names 'identityService', which models may not use");
    assertNothingOf(GRANT).ran();
    assertThat(identity.createUserQuery().userId("mia").memberOfGroup(LeadflowGroups.ADMINS).count()).isZero();
  }

  @Test
  void aDesignerCannotCopyTheTrackingSecretIntoAVariable() {
    HttpResponse<String> refused = deployAs("mia", "demo", SECRET + ".bpmn", asyncServiceTask(SECRET, "copy",
        "camunda:expression=\"${environment.getProperty('leadflow.tracking.secret')}\" camunda:resultVariable=\"copied\""));

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(messageOf(refused)).contains("serviceTask 'copy'").contains("names 'environment', which models may not use");
    assertNothingOf(SECRET).ran();
    assertNoVariableHoldsTheSecret();
  }

  static Stream<Arguments> whatADesignerMayNotDeploy() {
    return Stream.of(
        Arguments.of("a script task", "designer-script.bpmn", process("designer-script",
            "<bpmn:scriptTask id=\"run\" scriptFormat=\"groovy\"><bpmn:script>println 'hi'</bpmn:script></bpmn:scriptTask>"),
            "scriptTask 'run': script tasks are not allowed"),
        Arguments.of("a script execution listener", "designer-listener.bpmn", process("designer-listener",
            "<bpmn:task id=\"run\"><bpmn:extensionElements><camunda:executionListener event=\"start\">"
                + "<camunda:script scriptFormat=\"javascript\">1</camunda:script></camunda:executionListener>"
                + "</bpmn:extensionElements></bpmn:task>"),
            "camunda:script in task 'run': scripts (camunda:script) are not allowed"),
        Arguments.of("a Java class", "designer-class.bpmn", process("designer-class",
            "<bpmn:serviceTask id=\"run\" camunda:class=\"io.leadflow.security.Anything\" />"),
            "serviceTask 'run': camunda:class=\"io.leadflow.security.Anything\" is not allowed"),
        Arguments.of("a Java class in Activiti's namespace, which the engine still reads", "designer-activiti.bpmn",
            process("designer-activiti", "<bpmn:serviceTask id=\"run\" xmlns:activiti=\"http://activiti.org/bpmn\" "
                + "activiti:class=\"io.leadflow.security.Anything\" />"),
            "serviceTask 'run': camunda:class=\"io.leadflow.security.Anything\" is not allowed"),
        Arguments.of("a script condition", "designer-condition.bpmn", process("designer-condition",
            "<bpmn:task id=\"run\" /><bpmn:sequenceFlow id=\"flow\" sourceRef=\"run\" targetRef=\"run\">"
                + "<bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\" language=\"groovy\">true</bpmn:conditionExpression>"
                + "</bpmn:sequenceFlow>"),
            "language=\"groovy\" is not allowed"),
        Arguments.of("the engine behind execution", "designer-services.bpmn", process("designer-services",
            "<bpmn:task id=\"run\"><bpmn:extensionElements><camunda:executionListener event=\"start\" "
                + "expression=\"${execution.getProcessEngineServices().getIdentityService()}\" />"
                + "</bpmn:extensionElements></bpmn:task>"),
            "uses 'getProcessEngineServices', which models may not use"),
        Arguments.of("another bean of the application", "designer-bean.bpmn", process("designer-bean",
            "<bpmn:serviceTask id=\"run\" camunda:delegateExpression=\"${leadRepository}\" />"),
            "names the application's bean 'leadRepository'"),
        Arguments.of("getClass on a designer bean", "designer-reflection.bpmn", process("designer-reflection",
            "<bpmn:serviceTask id=\"run\" camunda:expression=\"${journeyClock.getClass().getClassLoader()}\" />"),
            "uses 'getClass', which models may not use"),
        Arguments.of("a JUEL decision table", "designer-juel.dmn", decision("juel"), "expressionLanguage=\"juel\" is not allowed"),
        Arguments.of("a Groovy decision table", "designer-groovy.dmn", decision("groovy"), "expressionLanguage=\"groovy\" is not allowed"),
        Arguments.of("an embedded HTML form", "designer-form.html", "<script>alert(1)</script>",
            "only BPMN (.bpmn), DMN (.dmn) and form (.form) files may be deployed by designers"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("whatADesignerMayNotDeploy")
  void aDesignerMayNotDeploy(String what, String fileName, String content, String reason) {
    HttpResponse<String> refused = deployAs("mia", "demo", fileName, content);

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(messageOf(refused)).contains(fileName).contains(reason);
    assertThat(repository.createDeploymentQuery().deploymentName(fileName).count()).isZero();
  }

  @Test
  void everyModelLeadflowShipsIsAcceptedFromADesigner() throws IOException {
    List<Path> files;
    try (Stream<Path> folder = Files.list(Path.of("bpmn"))) {
      files = folder.filter(Files::isRegularFile).sorted().toList();
    }
    assertThat(files).isNotEmpty();
    for (Path file : files) {
      String name = file.getFileName().toString();
      // deployed again even though unchanged, so that the check runs on it: a new version, the same model
      HttpResponse<String> deployed = ModelerDeploy.deploy(port, "mia", "demo", "designer-ships-" + name, name,
          Files.readString(file, StandardCharsets.UTF_8), false);

      assertThat(deployed.statusCode()).as(name + ": " + deployed.body()).isEqualTo(200);
    }
  }

  @Test
  void anAdministratorMayDeployAJavaClass() {
    HttpResponse<String> deployed = deployAs(admin, adminPassword, "admin-class.bpmn", process("admin-class",
        "<bpmn:serviceTask id=\"run\" camunda:class=\"io.leadflow.security.Anything\" />"));

    assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
    rememberDeployment("admin-class.bpmn");
  }

  @Test
  void atRuntimeNoModelReachesTheEngineServicesOrTheEnvironmentNotEvenAnAdministrators() {
    assertThat(deployAs(admin, adminPassword, GRANT + ".bpmn", asyncServiceTask(GRANT, "grant",
        "camunda:expression=\"${identityService.createMembership('mia','camunda-admin')}\"")).statusCode()).isEqualTo(200);
    rememberDeployment(GRANT + ".bpmn");
    assertThat(deployAs(admin, adminPassword, SECRET + ".bpmn", asyncServiceTask(SECRET, "copy",
        "camunda:expression=\"${environment.getProperty('leadflow.tracking.secret')}\" camunda:resultVariable=\"copied\"")).statusCode())
        .isEqualTo(200);
    rememberDeployment(SECRET + ".bpmn");

    runtime.startProcessInstanceByKey(GRANT);
    runtime.startProcessInstanceByKey(SECRET);

    assertThatThrownBy(() -> management.executeJob(jobOf(GRANT).getId())).hasMessageContaining("identityService");
    assertThatThrownBy(() -> management.executeJob(jobOf(SECRET).getId())).hasMessageContaining("environment");
    assertThat(identity.createUserQuery().userId("mia").memberOfGroup(LeadflowGroups.ADMINS).count()).isZero();
    assertNoVariableHoldsTheSecret();
  }

  @Test
  void expressionsMayNameDelegatesDesignerBeansVariablesAndPlainExecutionMethods() {
    ExpressionPolicy policy = new ExpressionPolicy(beans, beanFactory);

    assertThat(beans.names()).contains("sendWelcome", "checkFollowUpOutcome", "recalculateScoreBatch", "journeyClock", "escalation")
        .doesNotContain("identityService", "environment", "leadRepository");
    for (String allowed : List.of("${sendWelcome}", "${journeyClock.nextSend(execution, 'TOFU')}", "${escalation.reassignAt(followUpDue)}",
        "${execution.setVariable('cause', 'DECAY')}", "${execution.processBusinessKey}", "${stage == 'TOFU' and !contentLeft}",
        "${task.assignee}", "Hello ${leadName}", "${now()}")) {
      assertThat(policy.refusal(allowed)).as(allowed).isEmpty();
    }
    for (String refused : List.of("${identityService}", "${environment}", "${execution.processEngineServices}",
        "${execution['processEngine']}", "${task.execution}", "${company.getClass()}", "${company['class']}",
        "${journeyClock[name]}", "${applicationContext}", "${runtimeService.startProcessInstanceByKey('x')}",
        "${journeyClock.hashCode()}", "${x:y()}", "${leadRepository.findAll()}", "${")) {
      assertThat(policy.refusal(refused)).as(refused).isPresent();
    }
  }

  @Autowired DesignerBeans beans;
  @Autowired org.springframework.beans.factory.BeanFactory beanFactory;

  private HttpResponse<String> deployAs(String user, String password, String fileName, String content) {
    return ModelerDeploy.deploy(port, user, password, fileName, fileName, content, false);
  }

  /** The engine REST API's error: {"type": "ParseException", "message": "...", "details": {...}}. */
  private static String messageOf(HttpResponse<String> response) {
    try {
      return new ObjectMapper().readTree(response.body()).get("message").asText();
    } catch (IOException e) {
      throw new AssertionError(response.body(), e);
    }
  }

  private void rememberDeployment(String name) {
    repository.createDeploymentQuery().deploymentName(name).list().forEach(d -> deployments.add(d.getId()));
  }

  private Job jobOf(String processKey) {
    return management.createJobQuery().processDefinitionKey(processKey).singleResult();
  }

  private void assertNoVariableHoldsTheSecret() {
    assertThat(runtime.createVariableInstanceQuery().variableName("copied").count()).isZero();
    assertThat(history.createHistoricVariableInstanceQuery().variableName("copied").count()).isZero();
    assertThat(runtime.createVariableInstanceQuery().variableValueEquals("copied", trackingSecret).count()).isZero();
  }

  private NothingRan assertNothingOf(String processKey) {
    return new NothingRan(processKey);
  }

  /** Not deployed, so no instance and no job; and the jobs there are run without effect. */
  private final class NothingRan {
    private final String processKey;

    NothingRan(String processKey) {
      this.processKey = processKey;
    }

    void ran() {
      assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(processKey).count()).isZero();
      assertThat(repository.createDeploymentQuery().deploymentName(processKey + ".bpmn").count()).isZero();
      management.createJobQuery().processDefinitionKey(processKey).list().forEach(job -> management.executeJob(job.getId()));
      assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(processKey).count()).isZero();
    }
  }

  private static String asyncServiceTask(String processId, String taskId, String attributes) {
    return process(processId, "<bpmn:serviceTask id=\"" + taskId + "\" camunda:asyncBefore=\"true\" " + attributes + " />"
        + "<bpmn:userTask id=\"wait\" /><bpmn:sequenceFlow id=\"toWait\" sourceRef=\"" + taskId + "\" targetRef=\"wait\" />"
        + "<bpmn:sequenceFlow id=\"toTask\" sourceRef=\"start\" targetRef=\"" + taskId + "\" />");
  }

  private static String process(String id, String body) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
            id="definitions-%1$s" targetNamespace="http://leadflow.io/test">
          <bpmn:process id="%1$s" isExecutable="true" camunda:historyTimeToLive="1"><bpmn:startEvent id="start" />%2$s</bpmn:process>
        </bpmn:definitions>
        """.formatted(id, body);
  }

  private static String decision(String language) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="designer-%1$s" name="x" namespace="http://leadflow.io/test">
          <decision id="designer-%1$s" name="x">
            <decisionTable id="table" hitPolicy="FIRST">
              <input id="in"><inputExpression id="inExpression" typeRef="string" expressionLanguage="%1$s">
                <text>identityService.createMembership('mia', 'camunda-admin')</text></inputExpression></input>
              <output id="out" name="out" typeRef="string" />
              <rule id="rule"><inputEntry id="entry"><text>-</text></inputEntry><outputEntry id="result"><text>"x"</text></outputEntry></rule>
            </decisionTable>
          </decision>
        </definitions>
        """.formatted(language);
  }
}
