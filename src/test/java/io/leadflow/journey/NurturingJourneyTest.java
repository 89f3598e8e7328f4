package io.leadflow.journey;

import static io.leadflow.journey.Journeys.journeyOf;
import static io.leadflow.journey.Journeys.timer;
import static io.leadflow.journey.Journeys.welcomed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.leadflow.TestSmtp;
import io.leadflow.Api;
import io.leadflow.lead.ConsentChange;
import io.leadflow.lead.EmailFrequency;
import io.leadflow.lead.EmailPreferences;
import io.leadflow.lead.EmailTopic;
import io.leadflow.LeadflowTest;
import io.leadflow.content.ContentItem;
import io.leadflow.content.ContentItemRepository;
import io.leadflow.delivery.ContentDelivery;
import io.leadflow.lead.Leads;
import io.leadflow.sales.SalesHandoffProcess;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A lead's journey, walked step by step: the job executor is off, the test runs each job and
 * moves the engine's clock to each timer; emails go to a real SMTP server (GreenMail).
 */
@LeadflowTest
class NurturingJourneyTest {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SMTP);

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired Leads leads;
  @Autowired ContentDelivery deliveries;
  @Autowired EmailPreferences preferences;
  @Autowired ContentItemRepository contents;
  @Autowired SendWindow sendWindow;

  Api marketing;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    marketing = Api.at(port).as("mia", "demo");
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aNewLeadIsWelcomedThenGetsTopOfFunnelContentAtTheStagesCadence() throws Exception {
    String lead = aLead("Ada", "DE");
    ProcessInstance journey = journeyOf(engine, lead);

    run(journey, LeadNurturingProcess.Elements.START);
    Instant welcomedAt = ClockUtil.now().toInstant();
    run(journey, LeadNurturingProcess.Elements.SEND_WELCOME);

    assertThat(emails()).singleElement().satisfies(welcome -> {
      assertThat(welcome.getAllRecipients()[0].toString()).contains("<ada.");
      assertThat(welcome.getSubject()).contains("Ada");
    });
    assertThat(journey).isWaitingAt(LeadNurturingProcess.Elements.WAIT_FOR_NEXT_SEND).variables().containsEntry(LeadNurturingProcess.Variables.STAGE, "TOFU");
    assertThat(journey).variables().containsEntry(LeadNurturingProcess.Variables.SENDS_SO_FAR, 1);
    assertThat(deliveries.sentContentIds(lead)).containsExactly("welcome");

    Job due = timer(engine, journey, LeadNurturingProcess.Elements.NEXT_SEND_DUE);
    assertThat(due.getDuedate()).as("a week later, in the lead's business hours")
        .isAfterOrEqualTo(Date.from(welcomedAt.plusSeconds(7 * 24 * 3600)));
    sendAt(journey, LeadNurturingProcess.Elements.NEXT_SEND_DUE);

    assertThat(emails()).hasSize(2);
    assertThat(journey).isWaitingAt(LeadNurturingProcess.Elements.WAIT_FOR_NEXT_SEND).variables().containsEntry(LeadNurturingProcess.Variables.STAGE, "TOFU");
    assertThat(journey).as("only what the model branches on: the welcome sent, content left, no opt-in")
        .variables().containsOnlyKeys(LeadNurturingProcess.Variables.STAGE, LeadNurturingProcess.Variables.STATUS,
            LeadNurturingProcess.Variables.SENDS_SO_FAR)
        .containsEntry(LeadNurturingProcess.Variables.SENDS_SO_FAR, 2).containsEntry(LeadNurturingProcess.Variables.STAGE, "TOFU");
    assertThat(deliveries.sentContentIds(lead)).hasSize(2).contains("welcome");
  }

  /**
   * Issue 12: at most 3 emails to a lead in any 7 days (leadflow.journey.frequency-cap.*), across
   * journeys and channels. Another campaign emailed the lead three times before the journey's next
   * send: the send is held, not dropped, and the journey's timer moves to when the oldest of them
   * leaves the window (not a whole cadence later).
   */
  @Test
  void aSendThatWouldPassTheFrequencyCapWaitsForTheWindowAndIsNotDropped() {
    String lead = aLead("Fran", "DE");
    ProcessInstance journey = welcomed(engine, lead);
    Instant welcomedAt = ClockUtil.now().toInstant();
    Instant due = timer(engine, journey, LeadNurturingProcess.Elements.NEXT_SEND_DUE).getDuedate().toInstant();
    ContentItem campaignEmail = contents.findById(deliveries.find(journey.getId() + "#welcome").orElseThrow().getContentId())
        .orElseThrow();
    for (int day = 4; day <= 6; day++) {
      ClockUtil.setCurrentTime(Date.from(welcomedAt.plus(Duration.ofDays(day))));
      deliveries.send(leads.find(lead).orElseThrow(), campaignEmail, "another-campaign-" + UUID.randomUUID());
    }
    assertThat(emails()).hasSize(4);

    sendAt(journey, LeadNurturingProcess.Elements.NEXT_SEND_DUE);

    assertThat(emails()).as("held: a 4th email in 7 days would pass the cap").hasSize(4);
    Instant firstLeavesTheWindow = welcomedAt.plus(Duration.ofDays(4 + 7));
    assertThat(journey).isWaitingAt(LeadNurturingProcess.Elements.WAIT_FOR_NEXT_SEND).variables()
        .containsEntry(LeadNurturingProcess.Variables.SENDS_SO_FAR, 1)
        .containsEntry(LeadNurturingProcess.Variables.SEND_HELD_UNTIL, Date.from(firstLeavesTheWindow));
    Instant moved = timer(engine, journey, LeadNurturingProcess.Elements.NEXT_SEND_DUE).getDuedate().toInstant();
    assertThat(moved).as("the timer waits for the window, in business hours, not a whole cadence")
        .isEqualTo(sendWindow.nextOpening(firstLeavesTheWindow, "DE"))
        .isBefore(due.plus(Duration.ofDays(7)));

    sendAt(journey, LeadNurturingProcess.Elements.NEXT_SEND_DUE);

    assertThat(emails()).as("the held send goes out").hasSize(5);
    assertThat(journey).variables().containsEntry(LeadNurturingProcess.Variables.SENDS_SO_FAR, 2)
        .doesNotContainKey(LeadNurturingProcess.Variables.SEND_HELD_UNTIL);
  }

  @Test
  void theEngineKeepsTheJourneyButNotItsRoutineTheDeliveriesRecordEachEmail() {
    String lead = aLead("Hale", "DE");
    ProcessInstance journey = welcomed(engine, lead);
    sendAt(journey, LeadNurturingProcess.Elements.NEXT_SEND_DUE);

    HistoryService history = engine.getHistoryService();
    List<String> passed = history.createHistoricActivityInstanceQuery().processInstanceId(journey.getId()).list()
        .stream().map(HistoricActivityInstance::getActivityId).toList();
    assertThat(passed).as("the journey's routine: recorded as deliveries, not as activities").isEmpty();
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(journey.getId()).count())
        .as("the journey's variables live on the running journey only").isZero();
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(lead).count()).isEqualTo(1);
    assertThat(deliveries.sentContentIds(lead)).as("every email is a delivery").hasSize(2);
  }

  @Test
  void aStageChangeArrivingDuringTheWaitMovesTheLeadAtOnceNotAtTheNextTimer() {
    String lead = aLead("Mo", "DE");
    ProcessInstance journey = welcomed(engine, lead);

    // a whitepaper download makes it a middle-of-funnel lead (engagement level 3)
    assertThat(marketing.postJson("/api/interactions", "{\"leadId\": \"%s\", \"type\": \"CONTENT_DOWNLOAD\"}".formatted(lead))
        .status()).isEqualTo(201);

    assertThat(journey).isWaitingAt(LeadNurturingProcess.Elements.WAIT_FOR_NEXT_SEND).variables().containsEntry(LeadNurturingProcess.Variables.STAGE, "MOFU");
    assertThat(journey).variables().containsEntry("stage", "MOFU");
    sendAt(journey, LeadNurturingProcess.Elements.NEXT_SEND_DUE);
    assertThat(leads.find(lead).orElseThrow().getStage().name()).isEqualTo("MOFU");
  }

  @Test
  void whenTheStagesContentIsUsedUpTheLeadIsKeptWarmNotDropped() {
    String lead = aLead("Kim", "DE");
    ProcessInstance journey = welcomed(engine, lead);

    for (int send = 0; send < 30 && !isKeptWarm(journey); send++) {
      sendAt(journey, LeadNurturingProcess.Elements.NEXT_SEND_DUE);
    }

    assertThat(journey).isWaitingAt(LeadNurturingProcess.Elements.WAIT_FOR_NEXT_SEND).variables().containsEntry(LeadNurturingProcess.Variables.STAGE, "KEEP_WARM");
    assertThat(leads.find(lead).orElseThrow().getStage().name()).isEqualTo("KEEP_WARM");
    int sentBeforeKeepWarm = emails().size();
    sendAt(journey, LeadNurturingProcess.Elements.NEXT_SEND_DUE);
    assertThat(emails()).as("cold leads still get occasional content").hasSize(sentBeforeKeepWarm + 1);
    List<String> sent = new ArrayList<>(deliveries.sentContentIds(lead));
    assertThat(sent).doesNotHaveDuplicates();
  }

  @Test
  void anUnsubscribeEndsTheJourneyAndNothingIsSentAgain() {
    String lead = aLead("Una", "DE");
    ProcessInstance journey = welcomed(engine, lead);

    marketing.postJson("/api/interactions", "{\"leadId\": \"%s\", \"type\": \"UNSUBSCRIBE\"}".formatted(lead));

    assertThat(journey).hasPassed(LeadNurturingProcess.Elements.END_UNSUBSCRIBED).isEnded();
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(journey.getId()).count()).isZero();
  }

  @Test
  void aHardBounceEndsTheJourneyForGood() {
    String lead = aLead("Bo", "DE");
    ProcessInstance journey = welcomed(engine, lead);

    marketing.postJson("/api/interactions", """
        {"leadId": "%s", "type": "EMAIL_BOUNCE", "details": {"bounceType": "hard"}}""".formatted(lead));

    assertThat(journey).hasPassed(LeadNurturingProcess.Elements.END_EMAIL_UNDELIVERABLE).isEnded();
    assertThat(leads.find(lead).orElseThrow().mayBeContacted()).isFalse();
  }

  @Test
  void aSoftBounceOnlyCostsPoints() {
    String lead = aLead("Sue", "DE");
    ProcessInstance journey = welcomed(engine, lead);

    marketing.postJson("/api/interactions", """
        {"leadId": "%s", "type": "EMAIL_BOUNCE", "details": {"bounceType": "soft"}}""".formatted(lead));

    assertThat(journey).isWaitingAt(LeadNurturingProcess.Elements.WAIT_FOR_NEXT_SEND).variables().containsEntry(LeadNurturingProcess.Variables.STAGE, "TOFU");
  }

  @Test
  void aLeadSalesSendsBackReentersAtTheStageItsScoreSaysWithoutContentItAlreadyGot() {
    String lead = aLead("Rex", "DE");
    ProcessInstance journey = welcomed(engine, lead);
    sendAt(journey, LeadNurturingProcess.Elements.NEXT_SEND_DUE);

    marketing.postJson("/api/interactions", "{\"leadId\": \"%s\", \"type\": \"DEMO_REQUEST\"}".formatted(lead));
    assertThat(journey).isWaitingAt(LeadNurturingProcess.Elements.SALES_HAS_THE_LEAD);
    ProcessInstance handoff = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(SalesHandoffProcess.KEY).processInstanceBusinessKey(lead).singleResult();
    execute(job(SalesHandoffProcess.Elements.ROUTE_TO_SALES, handoff));
    assertThat(leads.find(lead).orElseThrow().getStatus().name()).isEqualTo("IN_SALES");

    // the rep: not ready yet
    Task followUp = engine.getTaskService().createTaskQuery().processInstanceId(handoff.getId()).singleResult();
    engine.getTaskService().complete(followUp.getId(), Map.of("outcome", "NOT_READY", "reason", "Budget next quarter"));

    assertThat(handoff).hasPassed(SalesHandoffProcess.Elements.RETURN_TO_NURTURING).isEnded();
    assertThat(journey).as("back from sales, at the stage its score says").isWaitingAt(LeadNurturingProcess.Elements.WAIT_FOR_NEXT_SEND).variables().containsEntry(LeadNurturingProcess.Variables.STAGE, "BOFU");
    assertThat(leads.find(lead).orElseThrow().getStatus().name()).isEqualTo("NURTURING");
    for (int send = 0; send < 3; send++) {
      sendAt(journey, LeadNurturingProcess.Elements.NEXT_SEND_DUE);
    }
    assertThat(new ArrayList<>(deliveries.sentContentIds(lead))).doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(4);
  }

  @Test
  void contentWaitsForTheLeadsBusinessHoursInItsOwnTimeZone() {
    ZoneId newYork = ZoneId.of("America/New_York");
    ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(2026, 11, 28, 12, 0, 0, 0, ZoneId.of("Europe/Berlin")).toInstant()));
    String lead = aLead("Sam", "US");
    ProcessInstance journey = welcomed(engine, lead);

    Instant due = timer(engine, journey, LeadNurturingProcess.Elements.NEXT_SEND_DUE).getDuedate().toInstant();

    assertThat(due.atZone(newYork)).as("a week after a Saturday is a Saturday: Monday 9:00 in New York")
        .isEqualTo(ZonedDateTime.of(2026, 12, 7, 9, 0, 0, 0, newYork));
  }

  /** Issue 12: Nepal was Berlin, so its first content landed at 13:45 or 19:45 local; now it is Kathmandu's business hours. */
  @Test
  void aNepalLeadsFirstContentLandsInItsOwnBusinessHours() {
    ZoneId kathmandu = ZoneId.of("Asia/Kathmandu");
    // Tuesday 15:00 in Berlin is 19:45 in Kathmandu: Berlin's window is open, Kathmandu's is not
    ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(2026, 12, 1, 15, 0, 0, 0, ZoneId.of("Europe/Berlin")).toInstant()));
    String lead = aLead("Nima", "NP");
    ProcessInstance journey = welcomed(engine, lead);

    Instant due = timer(engine, journey, LeadNurturingProcess.Elements.NEXT_SEND_DUE).getDuedate().toInstant();

    assertThat(due.atZone(kathmandu)).as("a week later, at the next 9:00 in Kathmandu")
        .isEqualTo(ZonedDateTime.of(2026, 12, 9, 9, 0, 0, 0, kathmandu));
  }

  @Test
  void whenTheMailServerStaysDownTheSendBecomesAnIncidentAndAfterARetryTheEmailGoesOutOnce() throws Exception {
    String lead = aLead("Ike", "DE");
    ProcessInstance journey = journeyOf(engine, lead);
    run(journey, LeadNurturingProcess.Elements.START);
    smtp.stop();
    try {
      Job welcome = job(LeadNurturingProcess.Elements.SEND_WELCOME, journey);
      for (int attempt = 0; attempt < 5; attempt++) {
        Job current = engine.getManagementService().createJobQuery().jobId(welcome.getId()).singleResult();
        ClockUtil.setCurrentTime(current.getDuedate() == null ? ClockUtil.now() : current.getDuedate());
        assertThatThrownBy(() -> engine.getManagementService().executeJob(welcome.getId())).isNotNull();
      }
      assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(journey.getId()).singleResult())
          .as("an incident in Cockpit").isNotNull()
          .satisfies(incident -> assertThat(incident.getActivityId()).isEqualTo(LeadNurturingProcess.Elements.SEND_WELCOME));
    } finally {
      smtp.start();
    }

    Job failed = job(LeadNurturingProcess.Elements.SEND_WELCOME, journey);
    engine.getManagementService().setJobRetries(failed.getId(), 1); // what "Retry" in Cockpit does
    execute(failed);

    assertThat(emails()).as("exactly one welcome").hasSize(1);
    assertThat(journey).isWaitingAt(LeadNurturingProcess.Elements.WAIT_FOR_NEXT_SEND).variables().containsEntry(LeadNurturingProcess.Variables.STAGE, "TOFU");
  }

  @Test
  void whenTheMailServerIsDownAtTheNextSendTheTimerRetriesAndTheStageWaitStaysOpen() throws Exception {
    String lead = aLead("Ola", "DE");
    ProcessInstance journey = welcomed(engine, lead);
    Job due = timer(engine, journey, LeadNurturingProcess.Elements.NEXT_SEND_DUE);
    smtp.stop();
    try {
      ClockUtil.setCurrentTime(due.getDuedate());
      assertThatThrownBy(() -> engine.getManagementService().executeJob(due.getId())).isNotNull();
      Job retried = engine.getManagementService().createJobQuery().jobId(due.getId()).singleResult();
      assertThat(retried.getRetries()).as("the send's retry cycle, R5/PT5M").isEqualTo(4);
      assertThat(journey).as("still waiting: a stage change could still move it").isWaitingAt(LeadNurturingProcess.Elements.WAIT_FOR_NEXT_SEND).variables().containsEntry(LeadNurturingProcess.Variables.STAGE, "TOFU");
    } finally {
      smtp.start();
    }

    Job retry = engine.getManagementService().createJobQuery().jobId(due.getId()).singleResult();
    ClockUtil.setCurrentTime(retry.getDuedate());
    execute(retry);

    assertThat(emails()).as("the content email, once (the restarted server has not seen the welcome)").hasSize(1);
    assertThat(deliveries.sentContentIds(lead)).hasSize(2).contains("welcome");
    assertThat(journey).isWaitingAt(LeadNurturingProcess.Elements.WAIT_FOR_NEXT_SEND).variables().containsEntry(LeadNurturingProcess.Variables.STAGE, "TOFU");
  }

  // --- the journey, step by step ---

  @Test
  void aLeadThatAskedForEmailAtMostMonthlyGetsNothingAWeekAfterItsWelcomeAndItsNextContentAMonthAfter() {
    String lead = aLead("Mona", "DE");
    ProcessInstance journey = journeyOf(engine, lead);
    run(journey, LeadNurturingProcess.Elements.START);
    Instant welcomedAt = ClockUtil.now().toInstant();
    run(journey, LeadNurturingProcess.Elements.SEND_WELCOME);
    preferences.choose(lead, java.util.EnumSet.allOf(EmailTopic.class), EmailFrequency.MONTHLY,
        ConsentChange.through(ConsentChange.PREFERENCE_CENTRE));

    sendAt(journey, LeadNurturingProcess.Elements.NEXT_SEND_DUE);

    assertThat(emails()).as("a week after the welcome: too soon for a monthly reader").hasSize(1);
    Instant aMonthAfterTheWelcome = deliveries.find(journey.getId() + "#welcome").orElseThrow().getSentAt()
        .plus(Duration.ofDays(30));
    assertThat(journey).isWaitingAt(LeadNurturingProcess.Elements.WAIT_FOR_NEXT_SEND).variables()
        .containsEntry(LeadNurturingProcess.Variables.SEND_HELD_UNTIL, Date.from(aMonthAfterTheWelcome));
    assertThat(timer(engine, journey, LeadNurturingProcess.Elements.NEXT_SEND_DUE).getDuedate().toInstant())
        .as("held as the frequency cap holds a send: the timer waits for the month, in business hours")
        .isEqualTo(sendWindow.nextOpening(aMonthAfterTheWelcome, "DE"));

    sendAt(journey, LeadNurturingProcess.Elements.NEXT_SEND_DUE);

    assertThat(emails()).as("the next content, once a month has passed").hasSize(2);
    assertThat(ClockUtil.now().toInstant()).isAfterOrEqualTo(welcomedAt.plus(Duration.ofDays(30)));
    assertThat(journey).variables().doesNotContainKey(LeadNurturingProcess.Variables.SEND_HELD_UNTIL);
  }

  private String aLead(String firstName, String country) {
    Api.Response response = marketing.postJson("/api/leads", """
        {"email": "%s.%s@example.com", "firstName": "%s", "company": "Journey Test Ltd", "companySize": 20,
         "industry": "Education", "jobTitle": "Analyst", "country": "%s", "consent": {"given": true}}"""
        .formatted(firstName.toLowerCase(), UUID.randomUUID().toString().substring(0, 8), firstName, country));
    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    return response.json().get("id").asText();
  }

  private void run(ProcessInstance journey, String activityId) {
    execute(job(activityId, journey));
  }

  /** The timer fires (the clock moves to it) and its job sends the content. */
  private void sendAt(ProcessInstance journey, String timerId) {
    Job timer = timer(engine, journey, timerId);
    ClockUtil.setCurrentTime(timer.getDuedate());
    execute(timer);
  }

  /** At an event-based gateway the journey waits at the gateway itself. */
  private boolean isKeptWarm(ProcessInstance journey) {
    return "KEEP_WARM".equals(engine.getRuntimeService().getVariable(journey.getId(), LeadNurturingProcess.Variables.STAGE));
  }

  private List<MimeMessage> emails() {
    return List.of(smtp.getReceivedMessages());
  }
}
