package io.leadflow.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import io.leadflow.journey.LeadNurturingProcess.Beans;
import io.leadflow.journey.LeadNurturingProcess.Elements;
import io.leadflow.journey.LeadNurturingProcess.Messages;
import io.leadflow.journey.LeadNurturingProcess.Variables;
import io.leadflow.lead.FunnelStage;
import io.leadflow.lead.LeadStatus;
import io.leadflow.model.EveryEndEventReached;
import io.leadflow.model.ModelTests;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
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
 * The nurturing journey's model alone (bpmn/lead-nurturing.bpmn): no Spring, the delegates and the
 * journey clock replaced by small stand-ins that set what the real ones set, the clock and the jobs
 * moved by the test. One test per path; every end event is reached.
 */
@Deployment(resources = "bpmn/lead-nurturing.bpmn")
class LeadNurturingModelTest {

  private static final String BPMN = "bpmn/lead-nurturing.bpmn";
  private static final Instant CAPTURED = Instant.parse("2026-03-02T09:00:00Z");
  private static final Duration CADENCE = Duration.ofDays(3);
  private static final Duration MAX_LENGTH = Duration.ofDays(365);

  @RegisterExtension
  @Order(1)
  static ProcessEngineCoverageExtension engine = ModelTests.engineWithCoverage(0.9);

  @RegisterExtension
  @Order(2)
  static EveryEndEventReached everyEnd = new EveryEndEventReached(engine, LeadNurturingProcess.KEY, BPMN);

  private final AtomicInteger welcomes = new AtomicInteger();
  private final AtomicInteger contentSends = new AtomicInteger();
  private final AtomicInteger optInRequests = new AtomicInteger();
  private final AtomicInteger expired = new AtomicInteger();
  private static final Duration OPT_IN_REMINDER = Duration.ofDays(3);
  private static final Duration OPT_IN_EXPIRY = Duration.ofDays(7);
  /** What the next "Send next content" finds: content left for the stage, or not. */
  private boolean contentLeft = true;
  private boolean welcomeNotContactable;
  private boolean nextSendNotContactable;

  private int leads;

  @BeforeEach
  void standIns() {
    BpmnAwareTests.init(engine.getProcessEngine());
    ClockUtil.setCurrentTime(Date.from(CAPTURED));
    Mocks.register(Beans.JOURNEY_CLOCK, new StandInJourneyClock());
    Mocks.register(Beans.SEND_WELCOME, (JavaDelegate) execution -> {
      if (welcomeNotContactable) {
        throw new BpmnError(LeadNurturingProcess.ERROR_NOT_CONTACTABLE, "the lead may not be emailed");
      }
      welcomes.incrementAndGet();
      recordSend(execution);
      execution.removeVariable(Variables.WELCOME_DUE);
    });
    Mocks.register(Beans.SEND_NEXT_CONTENT, (JavaDelegate) execution -> {
      if (nextSendNotContactable) {
        throw new BpmnError(LeadNurturingProcess.ERROR_NOT_CONTACTABLE, "the lead may not be emailed");
      }
      contentSends.incrementAndGet();
      execution.setVariable(Variables.CONTENT_LEFT, contentLeft);
      if (contentLeft) {
        recordSend(execution);
      }
    });
    Mocks.register(Beans.SEND_OPT_IN_REQUEST, (JavaDelegate) execution -> {
      optInRequests.incrementAndGet();
      recordSend(execution);
    });
    Mocks.register(Beans.SEND_OPT_IN_REMINDER, (JavaDelegate) execution -> {
      optInRequests.incrementAndGet();
      recordSend(execution);
      execution.setVariable(Variables.OPT_IN_REMINDED, true);
    });
    Mocks.register(Beans.EXPIRE_UNCONFIRMED_LEAD, (JavaDelegate) execution -> expired.incrementAndGet());
    Mocks.register(Beans.MOVE_TO_KEEP_WARM, (JavaDelegate) execution ->
        execution.setVariable(Variables.STAGE, FunnelStage.KEEP_WARM.name()));
    Mocks.register(Beans.NURTURE_AS_CUSTOMER, (JavaDelegate) execution -> {
      execution.setVariable(Variables.STAGE, FunnelStage.LOYALTY.name());
      execution.setVariable(Variables.STATUS, LeadStatus.CUSTOMER.name());
    });
  }

  @AfterEach
  void resetClockAndMocks() {
    ClockUtil.reset();
    Mocks.reset();
    BpmnAwareTests.reset();
  }

  // --- the journey ----------------------------------------------------------------------------

  @Test
  void givenANewLead_whenItsJourneyStarts_thenItIsWelcomedAndWaitsForItsFirstTopOfFunnelContent() {
    ProcessInstance journey = capture(FunnelStage.TOFU);

    assertThat(journey).isWaitingAt(Elements.START);
    execute(job(Elements.START, journey));
    assertThat(journey).isWaitingAt(Elements.SEND_WELCOME);
    execute(job(Elements.SEND_WELCOME, journey));

    assertThat(journey).hasPassed(Elements.GATEWAY_WELCOME_DUE, Elements.SEND_WELCOME, Elements.GATEWAY_READY_FOR_SALES)
        .isWaitingAt(Elements.WAIT_FOR_NEXT_SEND)
        .variables().doesNotContainKey(Variables.WELCOME_DUE).containsEntry(Variables.SENDS_SO_FAR, 1);
    assertThat(welcomes).hasValue(1);
    assertThat(dueOf(job(Elements.NEXT_SEND_DUE, journey))).isEqualTo(CAPTURED.plus(CADENCE));
  }

  @Test
  void givenANurturedLead_whenItsNextSendIsDueAndContentIsLeft_thenItIsSentAndTheLeadWaitsForTheNext() {
    ProcessInstance journey = welcomed(FunnelStage.TOFU);

    sendDue(journey, Elements.NEXT_SEND_DUE);

    assertThat(journey).hasPassed(Elements.SEND_NEXT_CONTENT, Elements.GATEWAY_CONTENT_LEFT)
        .hasNotPassed(Elements.MOVE_TO_KEEP_WARM)
        .isWaitingAt(Elements.WAIT_FOR_NEXT_SEND)
        .variables().containsEntry(Variables.SENDS_SO_FAR, 2);
    assertThat(dueOf(job(Elements.NEXT_SEND_DUE, journey))).isEqualTo(CAPTURED.plus(CADENCE).plus(CADENCE));
  }

  @Test
  void givenALeadWhoseStageHasNoContentLeft_whenTheNextSendIsDue_thenItIsKeptWarmAndStaysWarmWhenThatRunsOutToo() {
    ProcessInstance journey = welcomed(FunnelStage.MOFU);
    contentLeft = false;

    sendDue(journey, Elements.NEXT_SEND_DUE);

    assertThat(journey).hasPassed(Elements.MOVE_TO_KEEP_WARM).isWaitingAt(Elements.WAIT_FOR_NEXT_SEND)
        .variables().containsEntry(Variables.STAGE, FunnelStage.KEEP_WARM.name());

    sendDue(journey, Elements.NEXT_SEND_DUE);

    assertThat(journey).isWaitingAt(Elements.WAIT_FOR_NEXT_SEND).variables().containsEntry(Variables.STAGE, "KEEP_WARM");
    assertThat(contentSends).hasValue(2);
  }

  @Test
  void givenALeadWaitingForContent_whenScoringMovesItToAnotherStage_thenItWaitsForThatStagesContent() {
    ProcessInstance journey = welcomed(FunnelStage.TOFU);
    String tofuTimer = job(Elements.NEXT_SEND_DUE, journey).getId();

    tell(journey, Messages.STAGE_CHANGED, Variables.STAGE, FunnelStage.MOFU.name());
    assertThat(journey).hasPassed(Elements.STAGE_CHANGED).isWaitingAt(Elements.WAIT_FOR_NEXT_SEND).variables().containsEntry(Variables.STAGE, "MOFU");
    assertThat(job(Elements.NEXT_SEND_DUE, journey).getId()).as("the next send is timed anew, at the new stage's cadence")
        .isNotEqualTo(tofuTimer);

    tell(journey, Messages.STAGE_CHANGED, Variables.STAGE, FunnelStage.BOFU.name());
    assertThat(journey).hasPassed(Elements.STAGE_CHANGED).isWaitingAt(Elements.WAIT_FOR_NEXT_SEND).variables().containsEntry(Variables.STAGE, "BOFU");

    tell(journey, Messages.STAGE_CHANGED, Variables.STAGE, FunnelStage.KEEP_WARM.name());
    assertThat(journey).hasPassed(Elements.STAGE_CHANGED).isWaitingAt(Elements.WAIT_FOR_NEXT_SEND).variables().containsEntry(Variables.STAGE, "KEEP_WARM");

    // e.g. a sale reported while the lead was still being nurtured: the customer's content
    tell(journey, Messages.STAGE_CHANGED, Variables.STAGE, FunnelStage.LOYALTY.name());
    assertThat(journey).hasPassed(Elements.STAGE_CHANGED).isWaitingAt(Elements.WAIT_FOR_NEXT_SEND).variables().containsEntry(Variables.STAGE, "LOYALTY");

    tell(journey, Messages.STAGE_CHANGED, Variables.STAGE, FunnelStage.TOFU.name());
    assertThat(journey).hasPassed(Elements.STAGE_CHANGED).isWaitingAt(Elements.WAIT_FOR_NEXT_SEND).variables().containsEntry(Variables.STAGE, "TOFU");
    assertThat(contentSends).hasValue(0);
  }

  @Test
  void givenALeadWhoseScoreMadeItReady_whenTheJourneyNextChoosesTheStage_thenNurturingEndsAndSalesHasTheLead() {
    ProcessInstance journey = welcomed(FunnelStage.BOFU);

    setVariable(journey, Variables.STATUS, LeadStatus.MARKETING_QUALIFIED.name());
    sendDue(journey, Elements.NEXT_SEND_DUE);

    assertThat(journey).hasPassed(Elements.END_READY_FOR_SALES).isWaitingAt(Elements.SALES_HAS_THE_LEAD);
    assertThat(job(Elements.JOURNEY_TOO_LONG, journey)).isNull();
  }

  @Test
  void givenALeadWaitingForContent_whenItIsQualified_thenTheJourneyStopsSendingWhileSalesHasIt() {
    ProcessInstance journey = welcomed(FunnelStage.TOFU);

    setVariable(journey, Variables.STATUS, LeadStatus.SALES_QUALIFIED.name());
    leaves(journey, NurturingExit.READY_FOR_SALES);

    assertThat(journey).hasPassed(Elements.LEAD_LEFT_NURTURING, Elements.GATEWAY_WHY_LEFT_NURTURING)
        .hasNotPassed(Elements.END_READY_FOR_SALES)
        .isWaitingAt(Elements.SALES_HAS_THE_LEAD);
    assertThat(managementService().createJobQuery().processInstanceId(journey.getId()).count()).isZero();
  }

  @Test
  void givenANewLeadWhoseWelcomeIsStillQueued_whenItIsQualified_thenTheWelcomeIsNeverSentAndSalesHasTheLead() {
    ProcessInstance journey = capture(FunnelStage.TOFU);
    execute(job(Elements.START, journey));
    assertThat(journey).isWaitingAt(Elements.SEND_WELCOME);

    setVariable(journey, Variables.STATUS, LeadStatus.SALES_QUALIFIED.name());
    leaves(journey, NurturingExit.READY_FOR_SALES);

    assertThat(journey).isWaitingAt(Elements.SALES_HAS_THE_LEAD);
    assertThat(job(Elements.SEND_WELCOME, journey)).isNull();
    assertThat(welcomes).hasValue(0);
    assertThat(journey).variables().containsEntry(Variables.WELCOME_DUE, true);
  }

  // --- sales' verdict -------------------------------------------------------------------------

  @Test
  void givenALeadWithSales_whenSalesReturnsItNotReady_thenItIsNurturedAgainWithoutASecondWelcome() {
    ProcessInstance journey = withSales(FunnelStage.MOFU);

    setVariable(journey, Variables.STATUS, LeadStatus.NURTURING.name());
    tell(journey, Messages.LEAD_RETURNED_TO_NURTURING);

    assertThat(journey).hasPassed(Elements.BACK_FROM_SALES, Elements.GATEWAY_ENTER_NURTURING)
        .isWaitingAt(Elements.WAIT_FOR_NEXT_SEND).variables().containsEntry(Variables.STAGE, "MOFU");
    assertThat(welcomes).hasValue(1);
    assertThat(job(Elements.SEND_WELCOME, journey)).isNull();
    assertThat(job(Elements.JOURNEY_TOO_LONG, journey)).isNotNull();
  }

  @Test
  void givenALeadWithSales_whenSalesWinsIt_thenItIsNurturedAsACustomer() {
    ProcessInstance journey = withSales(FunnelStage.BOFU);

    tell(journey, Messages.LEAD_WON);

    assertThat(journey).hasPassed(Elements.WON_BY_SALES, Elements.WELCOME_CUSTOMER).isWaitingAt(Elements.WAIT_FOR_NEXT_SEND)
        .variables().containsEntry(Variables.STAGE, FunnelStage.LOYALTY.name());

    // a customer's content running out does not move it to keep-warm
    contentLeft = false;
    sendDue(journey, Elements.NEXT_SEND_DUE);
    assertThat(journey).hasNotPassed(Elements.MOVE_TO_KEEP_WARM).isWaitingAt(Elements.WAIT_FOR_NEXT_SEND).variables().containsEntry(Variables.STAGE, "LOYALTY");
    assertThat(welcomes).hasValue(1);
  }

  @Test
  void givenALeadWithSales_whenSalesDisqualifiesIt_thenTheJourneyEnds() {
    ProcessInstance journey = withSales(FunnelStage.TOFU);

    tell(journey, Messages.LEAD_DISQUALIFIED);

    assertThat(journey).hasPassed(Elements.DISQUALIFIED_BY_SALES).isEnded()
        .hasPassed(Elements.END_DISQUALIFIED_BY_SALES);
  }

  // --- the ends of nurturing ------------------------------------------------------------------

  @Test
  void givenANurturedLead_whenItUnsubscribes_thenNothingMoreIsSent() {
    ProcessInstance journey = welcomed(FunnelStage.TOFU);

    leaves(journey, NurturingExit.UNSUBSCRIBED);

    assertThat(journey).hasPassed(Elements.LEAD_LEFT_NURTURING, Elements.END_UNSUBSCRIBED).isEnded();
  }

  @Test
  void givenANurturedLead_whenItsEmailBouncesForGood_thenTheJourneyEnds() {
    ProcessInstance journey = welcomed(FunnelStage.KEEP_WARM);

    leaves(journey, NurturingExit.EMAIL_SUPPRESSED);

    assertThat(journey).hasPassed(Elements.LEAD_LEFT_NURTURING, Elements.END_EMAIL_UNDELIVERABLE).isEnded();
  }

  @Test
  void givenANurturedLead_whenItIsDisqualified_thenTheJourneyEnds() {
    ProcessInstance journey = welcomed(FunnelStage.MOFU);

    leaves(journey, NurturingExit.DISQUALIFIED);

    assertThat(journey).hasPassed(Elements.LEAD_LEFT_NURTURING, Elements.END_DISQUALIFIED).isEnded();
  }

  @Test
  void givenANurturedLead_whenItIsSaidToLeaveWithoutAReason_thenNothingIsGuessedAndItIsStillNurtured() {
    ProcessInstance journey = welcomed(FunnelStage.MOFU);

    assertThatThrownBy(() -> tell(journey, Messages.LEAD_LEFT_NURTURING)).isInstanceOf(ProcessEngineException.class);
    assertThatThrownBy(() -> tell(journey, Messages.LEAD_LEFT_NURTURING, Variables.LEFT_NURTURING_BECAUSE, "BORED"))
        .isInstanceOf(ProcessEngineException.class);

    assertThat(journey).isWaitingAt(Elements.WAIT_FOR_NEXT_SEND).hasNotPassed(Elements.GATEWAY_WHY_LEFT_NURTURING);
  }

  @Test
  void givenANewLeadThatMayNotBeEmailed_whenTheWelcomeIsSent_thenNothingMoreMayBeSent() {
    welcomeNotContactable = true;
    ProcessInstance journey = capture(FunnelStage.TOFU);
    execute(job(Elements.START, journey));

    execute(job(Elements.SEND_WELCOME, journey));

    assertThat(journey).hasPassed(Elements.LEAD_NOT_CONTACTABLE, Elements.END_NOT_CONTACTABLE).isEnded();
    assertThat(welcomes).hasValue(0);
  }

  @Test
  void givenANurturedLeadThatMayNoLongerBeEmailed_whenTheNextSendIsDue_thenNothingMoreMayBeSent() {
    ProcessInstance journey = welcomed(FunnelStage.BOFU);
    nextSendNotContactable = true;

    sendDue(journey, Elements.NEXT_SEND_DUE);

    assertThat(journey).hasPassed(Elements.SEND_NEXT_CONTENT, Elements.LEAD_NOT_CONTACTABLE, Elements.END_NOT_CONTACTABLE)
        .isEnded();
  }

  @Test
  void givenALeadNurturedForTheMaximumLength_whenThatTimeComes_thenTheJourneyEnds() {
    ProcessInstance journey = welcomed(FunnelStage.KEEP_WARM);
    Job tooLong = job(Elements.JOURNEY_TOO_LONG, journey);
    assertThat(dueOf(tooLong)).isEqualTo(CAPTURED.plus(MAX_LENGTH));

    ClockUtil.setCurrentTime(Date.from(CAPTURED.plus(MAX_LENGTH)));
    execute(tooLong);

    assertThat(journey).hasPassed(Elements.JOURNEY_TOO_LONG, Elements.END_JOURNEY_TOO_LONG).isEnded();
  }

  // --- double opt-in -------------------------------------------------------------------------

  @Test
  void givenALeadThatMustConfirm_whenItsJourneyStarts_thenOnlyTheConfirmationRequestGoesOutAndTheJourneyWaits() {
    ProcessInstance journey = captureAwaitingOptIn(FunnelStage.TOFU);

    execute(job(Elements.START, journey));

    assertThat(journey).hasPassed(Elements.GATEWAY_OPT_IN_REQUIRED, Elements.SEND_OPT_IN_REQUEST)
        .hasNotPassed(Elements.SEND_WELCOME).isWaitingAt(Elements.WAIT_FOR_OPT_IN);
    assertThat(optInRequests).hasValue(1);
    assertThat(welcomes).hasValue(0);
    assertThat(dueOf(job(Elements.OPT_IN_OVERDUE, journey))).isEqualTo(CAPTURED.plus(OPT_IN_REMINDER));
  }

  @Test
  void givenALeadWaitingForItsConfirmation_whenItConfirms_thenItIsWelcomedAndNurtured() {
    ProcessInstance journey = captureAwaitingOptIn(FunnelStage.TOFU);
    execute(job(Elements.START, journey));

    tell(journey, Messages.OPT_IN_CONFIRMED);
    execute(job(Elements.SEND_WELCOME, journey));

    assertThat(journey).hasPassed(Elements.OPT_IN_CONFIRMED, Elements.SEND_WELCOME).isWaitingAt(Elements.WAIT_FOR_NEXT_SEND);
    assertThat(welcomes).hasValue(1);
    assertThat(optInRequests).hasValue(1);
  }

  @Test
  void givenALeadThatDoesNotConfirm_whenTheReminderIsDue_thenItIsRemindedOnceAndMayStillConfirm() {
    ProcessInstance journey = captureAwaitingOptIn(FunnelStage.TOFU);
    execute(job(Elements.START, journey));

    sendDue(journey, Elements.OPT_IN_OVERDUE);

    assertThat(journey).hasPassed(Elements.GATEWAY_REMINDED_ALREADY, Elements.SEND_OPT_IN_REMINDER)
        .isWaitingAt(Elements.WAIT_FOR_OPT_IN).variables().containsEntry(Variables.OPT_IN_REMINDED, true);
    assertThat(optInRequests).hasValue(2);
    assertThat(dueOf(job(Elements.OPT_IN_OVERDUE, journey)))
        .as("after the reminder, the wait is for the expiry").isEqualTo(CAPTURED.plus(OPT_IN_REMINDER).plus(OPT_IN_EXPIRY));

    tell(journey, Messages.OPT_IN_CONFIRMED);

    assertThat(journey).hasPassed(Elements.OPT_IN_CONFIRMED).isWaitingAt(Elements.SEND_WELCOME);
  }

  @Test
  void givenALeadRemindedThatStillDoesNotConfirm_whenItExpires_thenItLeavesNurturingWithNothingMoreSent() {
    ProcessInstance journey = captureAwaitingOptIn(FunnelStage.TOFU);
    execute(job(Elements.START, journey));
    sendDue(journey, Elements.OPT_IN_OVERDUE);

    sendDue(journey, Elements.OPT_IN_OVERDUE);

    assertThat(journey).hasPassed(Elements.EXPIRE_UNCONFIRMED, Elements.END_OPT_IN_EXPIRED).hasNotPassed(Elements.SEND_WELCOME)
        .isEnded();
    assertThat(optInRequests).as("the request and one reminder").hasValue(2);
    assertThat(expired).hasValue(1);
  }

  // --- helpers --------------------------------------------------------------------------------

  /** A lead double opt-in applies to. */
  private ProcessInstance captureAwaitingOptIn(FunnelStage stage) {
    Map<String, Object> variables = new HashMap<>();
    String leadId = "lead-" + (++leads);
    variables.put(Variables.STAGE, stage.name());
    variables.put(Variables.STATUS, LeadStatus.NURTURING.name());
    variables.put(Variables.SENDS_SO_FAR, 0);
    variables.put(Variables.WELCOME_DUE, true);
    variables.put(Variables.OPT_IN_REQUIRED, true);
    return runtimeService().startProcessInstanceByKey(LeadNurturingProcess.KEY, leadId, variables);
  }

  /** A lead captured at {@link #CAPTURED}: its journey starts (the variables of {@code JourneyVariables.of}). */
  private ProcessInstance capture(FunnelStage stage) {
    Map<String, Object> variables = new HashMap<>();
    String leadId = "lead-" + (++leads);
    variables.put(Variables.STAGE, stage.name());
    variables.put(Variables.STATUS, LeadStatus.NURTURING.name());
    variables.put(Variables.SENDS_SO_FAR, 0);
    variables.put(Variables.WELCOME_DUE, true);
    return runtimeService().startProcessInstanceByKey(LeadNurturingProcess.KEY, leadId, variables);
  }

  /** A lead welcomed and waiting for its stage's content. */
  private ProcessInstance welcomed(FunnelStage stage) {
    ProcessInstance journey = capture(stage);
    execute(job(Elements.START, journey));
    execute(job(Elements.SEND_WELCOME, journey));
    return journey;
  }

  /** A welcomed lead that was qualified: the journey waits for sales' verdict. */
  private ProcessInstance withSales(FunnelStage stage) {
    ProcessInstance journey = welcomed(stage);
    setVariable(journey, Variables.STATUS, LeadStatus.SALES_QUALIFIED.name());
    leaves(journey, NurturingExit.READY_FOR_SALES);
    assertThat(journey).isWaitingAt(Elements.SALES_HAS_THE_LEAD);
    return journey;
  }

  /** What {@code JourneySignals} does when the lead leaves nurturing: the message, with why. */
  private static void leaves(ProcessInstance journey, NurturingExit why) {
    runtimeService().createMessageCorrelation(Messages.LEAD_LEFT_NURTURING)
        .processInstanceBusinessKey(journey.getBusinessKey())
        .setVariable(Variables.LEFT_NURTURING_BECAUSE, why.name())
        .correlateAllWithResult();
  }

  /** The clock moves to the stage's send timer and the timer fires. */
  private void sendDue(ProcessInstance journey, String sendDueEvent) {
    Job due = job(sendDueEvent, journey);
    assertThat(due).as("the send timer %s", sendDueEvent).isNotNull();
    ClockUtil.setCurrentTime(due.getDuedate());
    execute(due);
  }

  /** What {@code JourneySignals} does: the lead's new state into the journey, then the message. */
  private static void tell(ProcessInstance journey, String message, String variable, Object value) {
    setVariable(journey, variable, value);
    tell(journey, message);
  }

  private static void tell(ProcessInstance journey, String message) {
    runtimeService().createMessageCorrelation(message)
        .processInstanceBusinessKey(journey.getBusinessKey())
        .correlateAllWithResult();
  }

  private static void setVariable(ProcessInstance journey, String variable, Object value) {
    runtimeService().setVariable(journey.getId(), variable, value);
  }

  private static Instant dueOf(Job job) {
    return job.getDuedate().toInstant();
  }

  private static void recordSend(DelegateExecution execution) {
    Object sends = execution.getVariable(Variables.SENDS_SO_FAR);
    execution.setVariable(Variables.SENDS_SO_FAR, (sends instanceof Number n ? n.intValue() : 0) + 1);
  }

  /** The journey clock's stand-in: every stage's cadence is {@link #CADENCE} from the engine's now. */
  public static class StandInJourneyClock {
    public Date nextSend(DelegateExecution execution) {
      return nextSend(execution.getProcessBusinessKey(), (String) execution.getVariable(Variables.STAGE));
    }

    public Date nextSend(String leadId, String stage) {
      FunnelStage.valueOf(stage);
      return Date.from(ClockUtil.getCurrentTime().toInstant().plus(CADENCE));
    }

    public String maxLength() {
      return MAX_LENGTH.toString();
    }

    public String optInReminder() {
      return OPT_IN_REMINDER.toString();
    }

    public String optInExpiry() {
      return OPT_IN_EXPIRY.toString();
    }
  }
}
