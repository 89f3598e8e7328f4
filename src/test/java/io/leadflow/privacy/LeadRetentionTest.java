package io.leadflow.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.leadflow.Api;
import io.leadflow.LeadflowTest;
import io.leadflow.TestSmtp;
import io.leadflow.lead.Leads;
import io.leadflow.lead.PersonalDataRights;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Retention with the whole application: a lead nobody heard of for more than 24 months is
 * anonymised by the nightly process (its address may come back as a new lead); one that clicked
 * last month, and one sales has, stay. In erase mode the address is refused afterwards.
 */
@LeadflowTest
class LeadRetentionTest {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SMTP);

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;
  @Autowired PersonalDataRights rights;
  @Autowired Leads leads;
  @Autowired PlatformTransactionManager transactions;
  @Autowired Clock clock;

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
  void aLeadInactiveForMoreThan24MonthsIsAnonymisedByTheNightlyProcessAndOneActiveLastMonthStays() {
    Instant now = Instant.now();
    String forgottenEmail = "old." + UUID.randomUUID() + "@example.com";
    at(now.atZone(ZoneOffset.UTC).minusMonths(30).toInstant());
    String forgotten = captured(forgottenEmail, "Otto");
    String active = captured("still." + UUID.randomUUID() + "@example.com", "Stella");
    at(now.atZone(ZoneOffset.UTC).minusMonths(1).toInstant());
    assertThat(marketing.postJson("/api/interactions", """
        {"leadId": "%s", "type": "PAGE_VIEW", "details": {"url": "https://example.com/pricing"}}""".formatted(active))
        .status()).isIn(200, 201, 202);
    ClockUtil.reset();

    ProcessInstance run = engine.getRuntimeService().startProcessInstanceByKey(LeadRetentionProcess.KEY);
    List<String> found = foundBy(run);
    assertThat(found).contains(forgotten).doesNotContain(active);
    retireJobs(run).forEach(BpmnAwareTests::execute);

    assertThat(run).hasPassed(LeadRetentionProcess.Elements.RETIRE_LEAD)
        .isEnded();
    assertThat(marketing.get("/api/leads/" + forgotten).status()).isEqualTo(404);
    assertThat(marketing.get("/api/leads/" + active).status()).isEqualTo(200);
    assertThat(jdbc.queryForObject("select count(*) from leads where id = ? and (email like ? or first_name is not null)",
        Integer.class, forgotten, "%" + forgottenEmail + "%")).as("the row stays, anonymous").isZero();
    Map<String, Object> recorded = jdbc.queryForMap("select e.email_hash, e.erased_by, e.reason from lead_erasures e "
        + "join leads l on l.erased_at = e.erased_at where l.id = ?", forgotten);
    assertThat(recorded.get("erased_by")).isEqualTo("retention");
    assertThat(recorded.get("email_hash")).as("anonymised: no tombstone").isNull();
    assertThat((String) recorded.get("reason")).contains("leadflow.privacy.retention.inactive-after P24M");
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(forgotten).count())
        .as("its journey and its history").isZero();
    assertThat(marketing.postJson("/api/leads", "{\"email\": \"%s\"}".formatted(forgottenEmail)).status())
        .as("the address may come back, as a new lead").isEqualTo(201);
  }

  @Test
  void inEraseModeTheAddressIsRefusedAfterwardsAndALeadThatBecameActiveMeanwhileIsLeftAlone() {
    Instant now = Instant.now();
    at(now.atZone(ZoneOffset.UTC).minusMonths(25).toInstant());
    String email = "erase." + UUID.randomUUID() + "@example.com";
    String lead = captured(email, "Erin");
    String woke = captured("woke." + UUID.randomUUID() + "@example.com", "Wes");
    ClockUtil.reset();
    LeadRetention erasing = new LeadRetention(jdbc, leads, rights, new RetentionSettings(Period.ofMonths(24),
        RetentionSettings.Mode.ERASE, 500, null), clock);
    assertThat(erasing.find()).contains(lead, woke);
    // between the night's search and its job, Wes came back
    marketing.postJson("/api/interactions", "{\"leadId\": \"%s\", \"type\": \"PAGE_VIEW\"}".formatted(woke));

    assertThat(retire(erasing, lead)).isTrue();
    assertThat(retire(erasing, woke)).isFalse();

    assertThat(marketing.get("/api/leads/" + woke).status()).isEqualTo(200);
    Api.Response again = marketing.postJson("/api/leads", "{\"email\": \"%s\"}".formatted(email));
    assertThat(again.status()).as(again.toString()).isEqualTo(400);
    assertThat(again.json().get("errors").get(0).get("field").asText()).isEqualTo("email");
  }

  @Test
  void aLeadThatComplainedAndWasAnonymisedIsStillNotEmailedWhenItsAddressComesBack() {
    Instant now = Instant.now();
    at(now.atZone(ZoneOffset.UTC).minusMonths(30).toInstant());
    String email = "complained." + UUID.randomUUID() + "@example.com";
    String lead = captured(email, "Carla");
    assertThat(marketing.postJson("/api/interactions", "{\"leadId\": \"%s\", \"type\": \"EMAIL_COMPLAINT\"}".formatted(lead))
        .status()).isIn(200, 201, 202);
    ClockUtil.reset();
    LeadRetention anonymising = new LeadRetention(jdbc, leads, rights, new RetentionSettings(Period.ofMonths(24),
        RetentionSettings.Mode.ANONYMISE, 500, null), clock);

    assertThat(retire(anonymising, lead)).isTrue();

    Api.Response again = marketing.postJson("/api/leads", "{\"email\": \"%s\"}".formatted(email));
    assertThat(again.status()).as("anonymised: the address may come back").isEqualTo(201);
    assertThat(again.json().get("emailable").asBoolean()).as("its complaint still stops every email").isFalse();
  }

  private String captured(String email, String firstName) {
    Api.Response captured = marketing.postJson("/api/leads", """
        {"email": "%s", "firstName": "%s", "company": "Old Co", "consent": {"given": true, "source": "webinar"}}"""
        .formatted(email, firstName));
    assertThat(captured.status()).as(captured.toString()).isEqualTo(201);
    return captured.json().get("id").asText();
  }

  @SuppressWarnings("unchecked")
  private List<String> foundBy(ProcessInstance run) {
    return (List<String>) engine.getRuntimeService().getVariable(run.getId(), LeadRetentionProcess.Variables.INACTIVE_LEADS);
  }

  private List<Job> retireJobs(ProcessInstance run) {
    return engine.getManagementService().createJobQuery().processInstanceId(run.getId())
        .activityId(LeadRetentionProcess.Elements.RETIRE_LEAD).list();
  }

  private static void at(Instant instant) {
    ClockUtil.setCurrentTime(Date.from(instant));
  }

  /** As the retention job runs it: in a transaction (the settings here are the test's own, so not the context's bean). */
  private boolean retire(LeadRetention retention, String leadId) {
    return new TransactionTemplate(transactions).execute(status -> retention.retire(leadId));
  }
}
