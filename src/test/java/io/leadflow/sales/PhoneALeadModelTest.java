package io.leadflow.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processDefinitionQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import io.leadflow.model.EveryEndEventReached;
import io.leadflow.model.ModelTests;
import io.leadflow.sales.PhoneALeadProcess.Beans;
import io.leadflow.sales.PhoneALeadProcess.Elements;
import io.leadflow.sales.PhoneALeadProcess.Outcomes;
import io.leadflow.sales.PhoneALeadProcess.Variables;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * "Phone a lead" alone (bpmn/phone-a-lead.bpmn, with its start form and call form): the lead
 * lookup and the outcome's services replaced by stand-ins, the clock and the timer moved by the
 * test. One test per end event, and the call-again loop.
 */
@Deployment(resources = {"bpmn/phone-a-lead.bpmn", "forms/phone-a-lead-start.form", "forms/call-lead.form"})
class PhoneALeadModelTest {

  private static final String BPMN = "bpmn/phone-a-lead.bpmn";
  private static final Instant REQUESTED = Instant.parse("2026-03-02T09:00:00Z");
  private static final Duration CALL_AGAIN_AFTER = Duration.ofDays(1);
  private static final int MAX_ATTEMPTS = 2;
  private static final String LEAD_ID = "lead-42";
  private static final String TEAM = "sales-dach";

  @RegisterExtension
  @Order(1)
  static ProcessEngineCoverageExtension engine = ModelTests.engineWithCoverage(1.0);

  @RegisterExtension
  @Order(2)
  static EveryEndEventReached everyEnd = new EveryEndEventReached(engine, PhoneALeadProcess.KEY, BPMN);

  private final List<String> done = new ArrayList<>();

  @BeforeEach
  void standIns() {
    BpmnAwareTests.init(engine.getProcessEngine());
    ClockUtil.setCurrentTime(Date.from(REQUESTED));
    Mocks.register(Beans.PREPARE_CALL, (JavaDelegate) execution -> {
      // by id (API) or by the start form's email: the lead's id becomes the business key
      if (execution.getProcessBusinessKey() == null) {
        execution.setProcessBusinessKey(LEAD_ID);
      }
      execution.setVariable(Variables.LEAD_ID, LEAD_ID);
      execution.setVariable(SalesTaskVariables.LEAD_NAME, "Grace Hopper");
      execution.setVariable(SalesTaskVariables.COMPANY, "Navy");
      execution.setVariable(SalesTaskVariables.TEAM, TEAM);
      execution.setVariable(SalesTaskVariables.REP, null);
      execution.setVariable(Variables.CALL_ATTEMPT, 1);
      execution.setVariable(Variables.MAX_CALL_ATTEMPTS, MAX_ATTEMPTS);
    });
    Mocks.register(Beans.CHECK_CALL_OUTCOME, (TaskListener) task -> {
      if (Outcomes.CALL_AGAIN.equals(task.getVariable(Variables.CALL_OUTCOME))) {
        Object chosen = task.getVariable(Variables.CALL_AGAIN_AT);
        task.setVariable(Variables.CALL_AGAIN_DATE, chosen != null ? chosen
            : Date.from(ClockUtil.getCurrentTime().toInstant().plus(CALL_AGAIN_AFTER)));
      }
    });
    for (String bean : List.of(Beans.QUALIFY_BY_PHONE, Beans.DISQUALIFY_BY_PHONE)) {
      Mocks.register(bean, (JavaDelegate) execution -> done.add(bean));
    }
  }

  @AfterEach
  void resetClockAndMocks() {
    ClockUtil.reset();
    Mocks.reset();
    BpmnAwareTests.reset();
  }

  @Test
  void givenSomeoneWhoWantsToPhoneALead_whenTheyFillInTheStartForm_thenTheLeadsTeamHasACallTask() {
    String definition = processDefinitionQuery().processDefinitionKey(PhoneALeadProcess.KEY).singleResult().getId();
    assertThat(formService().getStartFormData(definition).getCamundaFormRef().getKey()).isEqualTo(PhoneALeadProcess.START_FORM);

    ProcessInstance call = formService().submitStartForm(definition, Map.of(
        Variables.LEAD_EMAIL, "grace@navy.example", Variables.REASON, "asked about pricing at a fair"));

    assertThat(call).hasBusinessKey(LEAD_ID).isWaitingAt(Elements.CALL_LEAD);
    assertThat(task(Elements.CALL_LEAD, call)).hasName("Call Grace Hopper (Navy)").isNotAssigned().hasCandidateGroup(TEAM);
  }

  @Test
  void givenACallTask_whenTheLeadQualifiesOnThePhone_thenItIsHandedToSalesNow() {
    ProcessInstance call = callRequested();

    complete(task(Elements.CALL_LEAD, call), withVariables(Variables.CALL_OUTCOME, Outcomes.QUALIFIED));

    assertThat(call).hasPassed(Elements.QUALIFY_BY_PHONE, Elements.END_QUALIFIED_BY_PHONE).isEnded();
    assertThat(done).containsExactly(Beans.QUALIFY_BY_PHONE);
  }

  @Test
  void givenACallTask_whenTheLeadIsNotInterestedButMayBeNurtured_thenItGoesBackToNurturing() {
    ProcessInstance call = callRequested();

    complete(task(Elements.CALL_LEAD, call), withVariables(Variables.CALL_OUTCOME, Outcomes.NOT_INTERESTED,
        Variables.AFTER_NOT_INTERESTED, Outcomes.NURTURE));

    assertThat(call).hasPassed(Elements.GATEWAY_AFTER_NOT_INTERESTED, Elements.END_BACK_TO_NURTURING).isEnded();
    assertThat(done).isEmpty();
  }

  @Test
  void givenACallTask_whenTheLeadIsNotInterestedAndToBeDisqualified_thenItIsDisqualified() {
    ProcessInstance call = callRequested();

    complete(task(Elements.CALL_LEAD, call), withVariables(Variables.CALL_OUTCOME, Outcomes.NOT_INTERESTED,
        Variables.AFTER_NOT_INTERESTED, Outcomes.DISQUALIFY));

    assertThat(call).hasPassed(Elements.DISQUALIFY_BY_PHONE, Elements.END_DISQUALIFIED_BY_PHONE).isEnded();
    assertThat(done).containsExactly(Beans.DISQUALIFY_BY_PHONE);
  }

  @Test
  void givenALeadWhoAskedToBeCalledBack_whenTheChosenTimeComes_thenTheTeamCallsAgain() {
    ProcessInstance call = callRequested();
    Date tomorrowAtTen = Date.from(REQUESTED.plus(Duration.ofHours(25)));

    complete(task(Elements.CALL_LEAD, call), withVariables(Variables.CALL_OUTCOME, Outcomes.CALL_AGAIN,
        Variables.CALL_AGAIN_AT, tomorrowAtTen));
    assertThat(call).hasPassed(Elements.GATEWAY_ATTEMPTS_LEFT).isWaitingAt(Elements.CALL_AGAIN_AT);
    assertThat(job(Elements.CALL_AGAIN_AT, call).getDuedate()).isEqualTo(tomorrowAtTen);
    fire(job(Elements.CALL_AGAIN_AT, call));

    // the model's listener counts with ${callAttempt + 1}: EL arithmetic makes the Integer a Long
    assertThat(call).isWaitingAt(Elements.CALL_LEAD).variables().containsEntry(Variables.CALL_ATTEMPT, 2L);

    complete(task(Elements.CALL_LEAD, call), withVariables(Variables.CALL_OUTCOME, Outcomes.QUALIFIED));
    assertThat(call).hasPassed(Elements.END_QUALIFIED_BY_PHONE).isEnded();
  }

  @Test
  void givenALeadWhoNeverAnswers_whenTheLastAttemptFails_thenTheCallIsGivenUp() {
    ProcessInstance call = callRequested();

    complete(task(Elements.CALL_LEAD, call), withVariables(Variables.CALL_OUTCOME, Outcomes.CALL_AGAIN));
    fire(job(Elements.CALL_AGAIN_AT, call));
    assertThat(call).isWaitingAt(Elements.CALL_LEAD).variables().containsEntry(Variables.CALL_ATTEMPT, (long) MAX_ATTEMPTS);
    complete(task(Elements.CALL_LEAD, call), withVariables(Variables.CALL_OUTCOME, Outcomes.CALL_AGAIN));

    assertThat(call).hasPassed(Elements.END_NO_ANSWER).isEnded();
  }

  // --- helpers --------------------------------------------------------------------------------

  /** Through the API: the lead's id is the business key. */
  private static ProcessInstance callRequested() {
    Map<String, Object> variables = new HashMap<>();
    variables.put(Variables.LEAD_ID, LEAD_ID);
    variables.put(Variables.REASON, "downloaded the price list twice");
    variables.put(Variables.REQUESTED_BY, "mia");
    ProcessInstance call = runtimeService().startProcessInstanceByKey(PhoneALeadProcess.KEY, LEAD_ID, variables);
    assertThat(call).hasPassed(Elements.PREPARE_CALL).isWaitingAt(Elements.CALL_LEAD);
    return call;
  }

  private static void fire(Job timer) {
    ClockUtil.setCurrentTime(timer.getDuedate());
    execute(timer);
  }
}
