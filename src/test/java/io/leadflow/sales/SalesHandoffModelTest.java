package io.leadflow.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import io.leadflow.model.EveryEndEventReached;
import io.leadflow.model.ModelTests;
import io.leadflow.sales.SalesHandoffProcess.Beans;
import io.leadflow.sales.SalesHandoffProcess.Elements;
import io.leadflow.sales.SalesHandoffProcess.Messages;
import io.leadflow.sales.SalesHandoffProcess.Outcomes;
import io.leadflow.sales.SalesHandoffProcess.Variables;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
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
 * The sales hand-off's model alone (bpmn/sales-handoff.bpmn, with the forms its tasks name): the
 * routing and the outcomes' services replaced by stand-ins, the clock and the jobs moved by the
 * test. One test per end event, and the follow-up's outcome check.
 */
@Deployment(resources = {"bpmn/sales-handoff.bpmn", "forms/follow-up-lead.form", "forms/lead-not-picked-up.form"})
class SalesHandoffModelTest {

  private static final String BPMN = "bpmn/sales-handoff.bpmn";
  private static final Instant READY = Instant.parse("2026-03-02T09:00:00Z");
  private static final Duration FOLLOW_UP_WITHIN = Duration.ofHours(1);
  private static final Duration REASSIGN_AFTER = Duration.ofHours(4);
  private static final String TEAM = "sales-dach";
  private static final String REP = "anna";
  private static final String MANAGERS = "managers";

  @RegisterExtension
  @Order(1)
  static ProcessEngineCoverageExtension engine = ModelTests.engineWithCoverage(1.0);

  @RegisterExtension
  @Order(2)
  static EveryEndEventReached everyEnd = new EveryEndEventReached(engine, SalesHandoffProcess.KEY, BPMN);

  /** What the stand-in services were asked to do, in order. */
  private final List<String> done = new ArrayList<>();

  @BeforeEach
  void standIns() {
    BpmnAwareTests.init(engine.getProcessEngine());
    ClockUtil.setCurrentTime(Date.from(READY));
    Mocks.register(Beans.ROUTE_TO_SALES, (JavaDelegate) execution -> {
      execution.setVariable(SalesTaskVariables.LEAD_NAME, "Ada Lovelace");
      execution.setVariable(SalesTaskVariables.COMPANY, "Analytical Engines");
      execution.setVariable(SalesTaskVariables.TEAM, TEAM);
      execution.setVariable(SalesTaskVariables.REP, REP);
      execution.setVariable(SalesTaskVariables.ROUTED_BECAUSE, "DACH, enterprise");
      execution.setVariable(Variables.FOLLOW_UP_DUE, Date.from(READY.plus(FOLLOW_UP_WITHIN)));
      execution.setVariable(Variables.WHY_QUALIFIED, "asked for a demo");
    });
    Mocks.register(Beans.CHECK_FOLLOW_UP_OUTCOME, (TaskListener) task -> {
      Object outcome = task.getVariable(Variables.OUTCOME);
      if (!List.of(Outcomes.OPPORTUNITY, Outcomes.WON, Outcomes.NOT_READY, Outcomes.DISQUALIFIED).contains(outcome)) {
        throw new ProcessEngineException("unknown outcome " + outcome);
      }
    });
    Mocks.register(Beans.FOLLOW_UP_TOUCHED, (TaskListener) task -> {});
    for (String bean : List.of(Beans.HAND_TO_CRM, Beans.RECORD_SALE, Beans.RETURN_TO_NURTURING, Beans.DISQUALIFY_LEAD,
        Beans.NOTIFY_MANAGERS, Beans.RETURN_TO_TEAM)) {
      Mocks.register(bean, (JavaDelegate) execution -> done.add(bean));
    }
    Mocks.register(Beans.ESCALATION, new StandInEscalation());
  }

  @AfterEach
  void resetClockAndMocks() {
    ClockUtil.reset();
    Mocks.reset();
    BpmnAwareTests.reset();
  }

  @Test
  void givenALeadReadyForSales_whenItIsRouted_thenItsRepHasAFollowUpDueOnTime() {
    ProcessInstance handoff = leadReadyForSales("lead-1");

    assertThat(handoff).isWaitingAt(Elements.ROUTE_TO_SALES);
    execute(job(Elements.ROUTE_TO_SALES, handoff));

    assertThat(handoff).isWaitingAt(Elements.FOLLOW_UP);
    Task followUp = task(Elements.FOLLOW_UP, handoff);
    assertThat(followUp).hasName("Follow up Ada Lovelace (Analytical Engines)").isAssignedTo(REP);
    // BPM Assert's hasCandidateGroup also wants the task unassigned: the identity links say it
    assertThat(taskService().getIdentityLinksForTask(followUp.getId()))
        .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo(TEAM));
    assertThat(followUp.getDueDate()).isEqualTo(Date.from(READY.plus(FOLLOW_UP_WITHIN)));
    assertThat(job(Elements.FOLLOW_UP_DUE, handoff).getDuedate()).isEqualTo(Date.from(READY.plus(FOLLOW_UP_WITHIN)));
    assertThat(job(Elements.STILL_UNTOUCHED, handoff).getDuedate())
        .isEqualTo(Date.from(READY.plus(FOLLOW_UP_WITHIN).plus(REASSIGN_AFTER)));
  }

  @Test
  void givenAFollowUp_whenTheRepSeesAnOpportunity_thenItGoesToTheCrm() {
    ProcessInstance handoff = routed("lead-2");

    complete(task(Elements.FOLLOW_UP, handoff), withVariables(Variables.OUTCOME, Outcomes.OPPORTUNITY));
    assertThat(handoff).isWaitingAt(Elements.HAND_TO_CRM);
    execute(job(Elements.HAND_TO_CRM, handoff));

    assertThat(handoff).hasPassed(Elements.GATEWAY_OUTCOME, Elements.END_OPPORTUNITY).isEnded();
    assertThat(done).containsExactly(Beans.HAND_TO_CRM);
  }

  @Test
  void givenAFollowUp_whenTheRepWinsTheDeal_thenTheSaleIsRecorded() {
    ProcessInstance handoff = routed("lead-3");

    complete(task(Elements.FOLLOW_UP, handoff), withVariables(Variables.OUTCOME, Outcomes.WON));

    assertThat(handoff).hasPassed(Elements.RECORD_SALE, Elements.END_WON).isEnded();
    assertThat(done).containsExactly(Beans.RECORD_SALE);
  }

  @Test
  void givenAFollowUp_whenTheLeadIsNotReady_thenItGoesBackToNurturing() {
    ProcessInstance handoff = routed("lead-4");

    complete(task(Elements.FOLLOW_UP, handoff), withVariables(Variables.OUTCOME, Outcomes.NOT_READY,
        Variables.REASON, "budget next year", Variables.NOT_BEFORE, "2026-09-01"));

    assertThat(handoff).hasPassed(Elements.RETURN_TO_NURTURING, Elements.END_NOT_READY).isEnded();
    assertThat(done).containsExactly(Beans.RETURN_TO_NURTURING);
  }

  @Test
  void givenAFollowUp_whenTheRepDisqualifiesTheLead_thenItIsDisqualified() {
    ProcessInstance handoff = routed("lead-5");

    complete(task(Elements.FOLLOW_UP, handoff), withVariables(Variables.OUTCOME, Outcomes.DISQUALIFIED,
        Variables.DISQUALIFIED_BECAUSE, "a competitor"));

    assertThat(handoff).hasPassed(Elements.DISQUALIFY, Elements.END_DISQUALIFIED).isEnded();
    assertThat(done).containsExactly(Beans.DISQUALIFY_LEAD);
  }

  @Test
  void givenAFollowUp_whenItIsCompletedWithoutAKnownOutcome_thenItStaysOpen() {
    ProcessInstance handoff = routed("lead-6");
    Task followUp = task(Elements.FOLLOW_UP, handoff);

    assertThatThrownBy(() -> complete(followUp, withVariables(Variables.OUTCOME, "MAYBE")))
        .isInstanceOf(ProcessEngineException.class);

    assertThat(handoff).isWaitingAt(Elements.FOLLOW_UP).hasNotPassed(Elements.GATEWAY_OUTCOME);
  }

  @Test
  void givenAFollowUpNotDoneWhenDue_whenTheDueTimeComes_thenTheManagersAreToldAndTheRepCanStillFollowUp() {
    ProcessInstance handoff = routed("lead-7");

    fire(job(Elements.FOLLOW_UP_DUE, handoff));
    assertThat(handoff).isWaitingAt(Elements.NOTIFY_MANAGERS, Elements.FOLLOW_UP);
    execute(job(Elements.NOTIFY_MANAGERS, handoff));

    Task notPickedUp = task(Elements.LEAD_NOT_PICKED_UP, handoff);
    assertThat(notPickedUp).hasName("Lead not picked up: Ada Lovelace").hasCandidateGroup(MANAGERS);
    complete(notPickedUp);

    assertThat(handoff).hasPassed(Elements.END_MANAGERS_TOLD).isWaitingAt(Elements.FOLLOW_UP);
    assertThat(done).containsExactly(Beans.NOTIFY_MANAGERS);

    complete(task(Elements.FOLLOW_UP, handoff), withVariables(Variables.OUTCOME, Outcomes.WON));
    assertThat(handoff).hasPassed(Elements.END_WON).isEnded();
  }

  @Test
  void givenAnEscalationTheManagersHaveNotSeenYet_whenTheRepWorksTheFollowUp_thenTheHandOffEndsWithIt() {
    ProcessInstance handoff = routed("lead-9");
    fire(job(Elements.FOLLOW_UP_DUE, handoff));
    execute(job(Elements.NOTIFY_MANAGERS, handoff));
    assertThat(handoff).isWaitingAt(Elements.LEAD_NOT_PICKED_UP, Elements.FOLLOW_UP);

    complete(task(Elements.FOLLOW_UP, handoff), withVariables(Variables.OUTCOME, Outcomes.OPPORTUNITY));
    execute(job(Elements.HAND_TO_CRM, handoff));

    assertThat(handoff).as("no open hand-off keeps a later one from starting").hasPassed(Elements.END_OPPORTUNITY).isEnded();
  }

  @Test
  void givenAFollowUpStillUntouchedAfterTheGrace_whenThatTimeComes_thenItGoesBackToTheWholeTeam() {
    ProcessInstance handoff = routed("lead-8");

    fire(job(Elements.STILL_UNTOUCHED, handoff));

    assertThat(handoff).hasPassed(Elements.RETURN_TO_TEAM, Elements.END_BACK_WITH_TEAM).isWaitingAt(Elements.FOLLOW_UP);
    assertThat(done).containsExactly(Beans.RETURN_TO_TEAM);
  }

  // --- helpers --------------------------------------------------------------------------------

  /** What the lead's lifecycle (and the safety net) does: the start message with the lead's id. */
  private static ProcessInstance leadReadyForSales(String leadId) {
    return runtimeService().createMessageCorrelation(Messages.LEAD_READY_FOR_SALES)
        .processInstanceBusinessKey(leadId)
        .setVariable(Variables.LEAD_ID, leadId)
        .correlateStartMessage();
  }

  private static ProcessInstance routed(String leadId) {
    ProcessInstance handoff = leadReadyForSales(leadId);
    execute(job(Elements.ROUTE_TO_SALES, handoff));
    assertThat(handoff).isWaitingAt(Elements.FOLLOW_UP);
    return handoff;
  }

  /** The clock moves to the timer, and it fires. */
  private static void fire(Job timer) {
    ClockUtil.setCurrentTime(timer.getDuedate());
    execute(timer);
  }

  /** The escalation helper's stand-in: an untouched follow-up goes back to the team {@link #REASSIGN_AFTER} after it was due. */
  public static class StandInEscalation {
    public Date reassignAt(Date followUpDue) {
      return Date.from(followUpDue.toInstant().plus(REASSIGN_AFTER));
    }
  }
}
