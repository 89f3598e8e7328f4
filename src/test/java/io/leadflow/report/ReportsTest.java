package io.leadflow.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.Api;
import io.leadflow.LeadflowTest;
import io.leadflow.lead.CaptureChannel;
import io.leadflow.lead.FunnelStage;
import io.leadflow.lead.LeadCapture;
import io.leadflow.lead.LeadLifecycle;
import io.leadflow.lead.LeadProfile;
import io.leadflow.lead.Leads;
import io.leadflow.sales.SalesHandoffProcess;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Given these leads, costs and deals in March 2031, each figure of the reports is what a person
 * would compute by hand. Campaign keys are new for each run, and each report is asked for those
 * campaigns only, so what other tests store does not count.
 */
@LeadflowTest
class ReportsTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired LeadCapture capture;
  @Autowired LeadLifecycle lifecycle;
  @Autowired Leads leads;
  @Autowired PlatformTransactionManager transactions;

  Api marketing;
  Api manager;
  String webinar;
  String ads;
  static final String MARCH = "from=2031-03-01&to=2031-03-31";

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    marketing = Api.at(port).as("mia", "demo");
    manager = Api.at(port).as("max", "demo");
    String run = UUID.randomUUID().toString().substring(0, 8);
    webinar = "webinar-" + run;
    ads = "ads-" + run;
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /**
   * Ada: captured by the webinar, engages with the ads, marketing-qualified (A1), handed to sales,
   * sent back to nurturing, qualified again by phone, handed over, an opportunity, won for 12,000 EUR.
   * Ben: captured by the webinar, marketing-qualified (B2), handed over, an opportunity, lost.
   * Cleo: captured by the ads, nurtured. Dan: captured by the webinar in February, qualified (A1) in March.
   */
  void givenMarch() {
    campaign(webinar, "Spring webinar", "webinar",
        cost("2031-03-02", "1000.00", "EUR"), cost("2031-03-20", "500.00", "EUR"),
        cost("2031-04-05", "700.00", "EUR"), cost("2031-03-10", "100.00", "USD"));
    campaign(ads, "=1+2 LinkedIn ads", "@ads", cost("2031-03-03", "300.00", "EUR"));

    String dan = captured("dan", webinar, "2031-02-20T09:00:00Z");
    at("2031-03-02T09:00:00Z", () -> qualify(dan, "A1"));

    String ada = captured("ada", webinar, "2031-03-02T09:00:00Z");
    at("2031-03-04T09:00:00Z", () -> engaged(ada, ads));
    at("2031-03-05T09:00:00Z", () -> qualify(ada, "A1"));
    at("2031-03-05T11:00:00Z", () -> inTransaction(() -> lifecycle.handedToSales(ada)));
    at("2031-03-06T11:00:00Z", () -> inTransaction(() -> lifecycle.returnedToNurturing(ada, null)));
    at("2031-03-08T11:00:00Z", () -> inTransaction(() -> lifecycle.qualifiedByPhone(ada)));
    at("2031-03-08T12:00:00Z", () -> inTransaction(() -> lifecycle.handedToSales(ada)));
    at("2031-03-09T12:00:00Z", () -> inTransaction(() -> lifecycle.becameOpportunity(ada)));
    at("2031-03-10T12:00:00Z", () -> engaged(ada, webinar));
    at("2031-03-12T12:00:00Z", () -> assertThat(marketing.postJson("/api/leads/" + ada + "/won",
        "{\"amount\": 12000, \"currency\": \"eur\"}").status()).isEqualTo(200));

    String ben = captured("ben", webinar, "2031-03-03T09:00:00Z");
    at("2031-03-04T09:00:00Z", () -> qualify(ben, "B2"));
    at("2031-03-04T10:00:00Z", () -> inTransaction(() -> lifecycle.handedToSales(ben)));
    at("2031-03-05T10:00:00Z", () -> inTransaction(() -> lifecycle.becameOpportunity(ben)));
    at("2031-03-07T10:00:00Z", () -> {
      Api.Response lost = marketing.postJson("/api/leads/" + ben + "/lost", "{\"reason\": \"chose a competitor\"}");
      assertThat(lost.status()).as(lost.toString()).isEqualTo(200);
      assertThat(lost.json().get("status").asText()).as("back to nurturing, not into the bin").isEqualTo("NURTURING");
    });

    captured("cleo", ads, "2031-03-03T09:00:00Z");
  }

  @Test
  void byFirstTouchTheWebinarCost1500ForTwoLeadsAndOneSaleOf12000() {
    givenMarch();

    JsonNode webinarRow = campaignRow("first", webinar);
    assertThat(webinarRow.get("name").asText()).isEqualTo("Spring webinar");
    assertThat(webinarRow.get("leads").asLong()).as("Ada and Ben; Dan came in February").isEqualTo(2);
    assertThat(webinarRow.get("marketingQualified").asLong()).as("Ada, Ben and Dan").isEqualTo(3);
    assertThat(webinarRow.get("salesQualified").asLong()).as("Ada, by phone").isEqualTo(1);
    assertThat(webinarRow.get("opportunities").asLong()).as("Ada and Ben").isEqualTo(2);
    assertThat(webinarRow.get("customers").asLong()).as("Ada").isEqualTo(1);
    assertThat(webinarRow.get("cost").decimalValue()).as("March only, EUR only").isEqualByComparingTo("1500.00");
    assertThat(webinarRow.get("amountsInOtherCurrencies").asLong()).as("the USD cost").isEqualTo(1);
    assertThat(webinarRow.get("costPerLead").decimalValue()).isEqualByComparingTo("750.00");
    assertThat(webinarRow.get("costPerSale").decimalValue()).isEqualByComparingTo("1500.00");
    assertThat(webinarRow.get("revenue").decimalValue()).isEqualByComparingTo("12000.00");
    assertThat(webinarRow.get("roi").decimalValue()).as("(12000 - 1500) / 1500").isEqualByComparingTo("7");

    JsonNode adsRow = campaignRow("first", ads);
    assertThat(adsRow.get("leads").asLong()).as("Cleo").isEqualTo(1);
    assertThat(adsRow.get("customers").asLong()).isZero();
    assertThat(adsRow.get("costPerLead").decimalValue()).isEqualByComparingTo("300.00");
    assertThat(adsRow.has("costPerSale")).as("no sale: no cost per sale").isFalse();
    assertThat(adsRow.get("roi").decimalValue()).isEqualByComparingTo("-1");
  }

  @Test
  void byLastTouchAdasSaleIsCreditedToTheAdsSheEngagedWithBeforeSheBecameAnOpportunity() {
    givenMarch();

    JsonNode adsRow = campaignRow("last", ads);
    assertThat(adsRow.get("leads").asLong()).as("Cleo, and Ada by her last touch").isEqualTo(2);
    assertThat(adsRow.get("marketingQualified").asLong()).isEqualTo(1);
    assertThat(adsRow.get("customers").asLong()).isEqualTo(1);
    assertThat(adsRow.get("revenue").decimalValue()).isEqualByComparingTo("12000.00");
    assertThat(adsRow.get("costPerLead").decimalValue()).isEqualByComparingTo("150.00");
    assertThat(adsRow.get("costPerSale").decimalValue()).isEqualByComparingTo("300.00");
    assertThat(adsRow.get("roi").decimalValue()).as("(12000 - 300) / 300").isEqualByComparingTo("39");

    JsonNode webinarRow = campaignRow("last", webinar);
    assertThat(webinarRow.get("leads").asLong()).as("Ben").isEqualTo(1);
    assertThat(webinarRow.get("marketingQualified").asLong()).as("Ben and Dan").isEqualTo(2);
    assertThat(webinarRow.get("customers").asLong()).isZero();
    assertThat(webinarRow.get("revenue").decimalValue()).isEqualByComparingTo("0");
  }

  @Test
  void theFunnelCountsEveryVisitOfALeadThatWentBackToNurturingAndQualifiedAgain() {
    givenMarch();

    Api.Response funnel = manager.get("/api/reports/funnel?" + MARCH + "&campaign=" + webinar);
    assertThat(funnel.status()).as(funnel.toString()).isEqualTo(200);
    Map<String, JsonNode> stages = byKey(funnel.json().get("stages"), "stage");

    // Ada twice (3 days, then 2), Ben once (1 day): both moved on
    assertStage(stages.get("NURTURING"), 2, 2, "1.0", "PT48H", "PT67H12M");
    // Ada (2 h), Ben (1 h), Dan still there
    assertStage(stages.get("MARKETING_QUALIFIED"), 3, 2, "0.6667", "PT1H30M", "PT1H54M");
    assertStage(stages.get("SALES_QUALIFIED"), 1, 1, "1.0", "PT1H", "PT1H");
    // Ada twice (back to nurturing, then an opportunity), Ben once: a day each
    assertStage(stages.get("IN_SALES"), 2, 2, "1.0", "PT24H", "PT24H");
    // Ada won after 3 days, Ben lost after 2
    assertStage(stages.get("OPPORTUNITY"), 2, 1, "0.5", "PT60H", "PT69H36M");
    assertThat(stages.get("CUSTOMER").get("entered").asLong()).isEqualTo(1);
    assertThat(stages.get("CUSTOMER").has("convertedTo")).as("the end of the funnel").isFalse();
    assertThat(stages.get("NURTURING").get("next").asText()).isEqualTo("MARKETING_QUALIFIED");
  }

  @Test
  void scoreQualityShowsHowManyQualifiedLeadsOfEachRatingBecameOpportunities() {
    givenMarch();

    Api.Response quality = manager.get("/api/reports/score-quality?" + MARCH + "&campaign=" + webinar);
    assertThat(quality.status()).as(quality.toString()).isEqualTo(200);
    Map<String, JsonNode> ratings = byKey(quality.json().get("ratings"), "rating");
    assertThat(ratings).containsOnlyKeys("A1", "B2");
    assertThat(ratings.get("A1").get("qualified").asLong()).as("Ada and Dan").isEqualTo(2);
    assertThat(ratings.get("A1").get("opportunities").asLong()).as("Ada").isEqualTo(1);
    assertThat(ratings.get("A1").get("opportunityRate").decimalValue()).isEqualByComparingTo("0.5");
    assertThat(ratings.get("B2").get("opportunityRate").decimalValue()).isEqualByComparingTo("1");
  }

  @Test
  void speedToLeadIsTheTimeFromSalesReadyToTheFirstActionOfARepPerTeam() {
    String europe1 = captured("eu1", webinar, "2031-05-05T08:00:00Z", "DE");
    String europe2 = captured("eu2", webinar, "2031-05-05T08:00:00Z", "FR");
    String americas = captured("us1", webinar, "2031-05-05T08:00:00Z", "US");
    Task first = routedAt(europe1, "2031-05-05T09:00:00Z", "2031-05-05T09:10:00Z");
    Task second = routedAt(europe2, "2031-05-05T10:00:00Z", "2031-05-05T10:05:00Z");
    routedAt(americas, "2031-05-05T11:00:00Z", "2031-05-05T11:01:00Z");

    // the engine gives the first back to the team (no person): not an action of a rep
    at("2031-05-05T09:20:00Z", () -> engine.getTaskService().setAssignee(first.getId(), null));
    at("2031-05-05T09:40:00Z", () -> as("sam", () -> engine.getTaskService().claim(first.getId(), "sam")));
    at("2031-05-05T12:00:00Z", () -> as("sam", () -> {
      engine.getTaskService().setAssignee(second.getId(), null);
      engine.getTaskService().complete(second.getId(), Map.of(SalesHandoffProcess.Variables.OUTCOME, "NOT_READY",
          SalesHandoffProcess.Variables.REASON, "budget next year"));
    }));

    Api.Response speed = manager.get("/api/reports/speed-to-lead?from=2031-05-01&to=2031-05-31&campaign=" + webinar);
    assertThat(speed.status()).as(speed.toString()).isEqualTo(200);
    Map<String, JsonNode> teams = byKey(speed.json().get("teams"), "team");
    JsonNode europe = teams.get("salesEurope");
    assertThat(europe.get("name").asText()).isEqualTo("Sales Europe");
    assertThat(europe.get("followUps").asLong()).isEqualTo(2);
    assertThat(europe.get("answered").asLong()).isEqualTo(2);
    // claimed after 40 minutes, reassigned and completed after 2 hours
    assertThat(europe.get("medianTimeToFirstAction").asText()).isEqualTo("PT1H20M");
    assertThat(europe.get("p90TimeToFirstAction").asText()).isEqualTo("PT1H52M");
    assertThat(teams.get("salesAmericas").get("answered").asLong()).as("nobody acted yet").isZero();
    assertThat(teams.get("salesAmericas").has("medianTimeToFirstAction")).isFalse();
  }

  @Test
  void asCsvEveryCellThatASpreadsheetWouldRunIsNeutralised() {
    givenMarch();

    Api.Response csv = marketing.get("/api/reports/campaigns?" + MARCH + "&campaign=" + ads, "text/csv");

    assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
    assertThat(csv.header("Content-Type")).startsWith("text/csv");
    List<String> lines = csv.body().lines().toList();
    assertThat(lines.get(0)).isEqualTo("campaign,name,channel,leads,marketingQualified,salesQualified,opportunities,customers,"
        + "cost,costPerLead,costPerSale,revenue,roi,amountsInOtherCurrencies");
    // the text cells start with an apostrophe (quoted, as CSV allows); a negative ROI stays a number
    assertThat(lines.get(1)).isEqualTo(ads + ",\"'=1+2 LinkedIn ads\",\"'@ads\",1,0,0,0,0,300.00,300.00,,0.00,-1.0000,0");
  }

  @Test
  void reportsAreForMarketingAndManagersAndABadPeriodIsAProblem() {
    assertThat(Api.at(port).as("sam", "demo").get("/api/reports/funnel").status()).as("a sales rep").isEqualTo(403);
    assertThat(Api.at(port).as("crm", "demo").get("/api/reports/funnel").status()).as("an integration").isEqualTo(403);
    assertThat(manager.get("/api/reports/funnel").status()).isEqualTo(200);

    Api.Response backwards = manager.get("/api/reports/campaigns?from=2031-03-31&to=2031-03-01");
    assertThat(backwards.status()).isEqualTo(400);
    assertThat(backwards.header("Content-Type")).startsWith("application/problem+json");
    Api.Response attribution = manager.get("/api/reports/campaigns?attribution=middle");
    assertThat(attribution.status()).isEqualTo(400);
    assertThat(attribution.json().get("errors").get(0).get("field").asText()).isEqualTo("attribution");
  }

  @Test
  void aDealWonWithAnAmountNeedsItsCurrencyAndOnlyAnOpportunityCanBeLost() {
    String lead = captured("eve", webinar, "2031-03-02T09:00:00Z");
    Api.Response noCurrency = marketing.postJson("/api/leads/" + lead + "/won", "{\"amount\": 10}");
    assertThat(noCurrency.status()).isEqualTo(400);
    assertThat(noCurrency.json().get("errors").get(0).get("field").asText()).isEqualTo("currency");
    assertThat(marketing.postJson("/api/leads/" + lead + "/won", "{\"amount\": 10, \"currency\": \"XYZ\"}").status()).isEqualTo(400);
    assertThat(marketing.postJson("/api/leads/" + lead + "/lost", "{}").status()).as("a reason is required").isEqualTo(400);
    assertThat(marketing.postJson("/api/leads/" + lead + "/lost", "{\"reason\": \"no budget\"}").status())
        .as("nurtured, not an opportunity").isEqualTo(409);
    assertThat(leads.get(lead).getStatus().name()).isEqualTo("NURTURING");
  }

  @Test
  void aDealWonOnTheFollowUpInTasklistBringsItsAmountIntoTheCampaignsRevenue() {
    String lead = captured("fay", webinar, "2031-06-02T09:00:00Z", "DE");
    Task followUp = routedAt(lead, "2031-06-02T10:00:00Z", "2031-06-02T10:01:00Z");

    at("2031-06-03T10:00:00Z", () -> {
      assertThatThrownBy(() -> engine.getTaskService().complete(followUp.getId(), Map.of(
          SalesHandoffProcess.Variables.OUTCOME, "WON", SalesHandoffProcess.Variables.DEAL_AMOUNT, -1.0,
          SalesHandoffProcess.Variables.DEAL_CURRENCY, "EUR"))).hasMessageContaining("amount");
      engine.getTaskService().complete(followUp.getId(), Map.of(SalesHandoffProcess.Variables.OUTCOME, "WON",
          SalesHandoffProcess.Variables.DEAL_AMOUNT, 5000.5, SalesHandoffProcess.Variables.DEAL_CURRENCY, "EUR"));
    });
    org.camunda.bpm.engine.runtime.Job recordSale = engine.getManagementService().createJobQuery()
        .processInstanceId(followUp.getProcessInstanceId()).activityId(SalesHandoffProcess.Elements.RECORD_SALE).singleResult();
    if (recordSale != null) { // when the model makes "Record the sale" asynchronous
      at("2031-06-03T10:00:00Z", () -> execute(recordSale));
    }

    assertThat(leads.get(lead).getStatus().name()).isEqualTo("CUSTOMER");
    Api.Response report = manager.get("/api/reports/campaigns?from=2031-06-01&to=2031-06-30&campaign=" + webinar);
    JsonNode row = report.json().get("campaigns").get(0);
    assertThat(row.get("customers").asLong()).isEqualTo(1);
    assertThat(row.get("revenue").decimalValue()).isEqualByComparingTo("5000.50");
  }

  // ---- given ----

  private void campaign(String key, String name, String channel, String... costs) {
    Api.Response created = marketing.postJson("/api/campaigns", """
        {"key": "%s", "name": "%s", "channel": "%s", "startsOn": "2031-03-01", "endsOn": "2031-03-31", "costs": [%s]}"""
        .formatted(key, name, channel, String.join(",", costs)));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
  }

  private static String cost(String on, String amount, String currency) {
    return "{\"on\": \"%s\", \"amount\": %s, \"currency\": \"%s\"}".formatted(on, amount, currency);
  }

  private String captured(String name, String campaign, String at) {
    return captured(name, campaign, at, null);
  }

  private String captured(String name, String campaign, String at, String country) {
    ClockUtil.setCurrentTime(Date.from(Instant.parse(at)));
    LeadProfile profile = new LeadProfile(name + "-" + UUID.randomUUID() + "@reports.example", name, null, null, null, null,
        null, country, null, campaign, null, null);
    String id = capture.capture(profile, CaptureChannel.API, "test").lead().getId();
    assertThat(leads.get(id).getStatus().name()).as("a small profile is nurtured").isEqualTo("NURTURING");
    return id;
  }

  private void qualify(String leadId, String rating) {
    inTransaction(() -> lifecycle.qualified(leads.lock(leadId).orElseThrow(), rating, "MARKETING_QUALIFIED", FunnelStage.MOFU,
        "RESCORE"));
  }

  private void engaged(String leadId, String campaign) {
    Api.Response answer = marketing.postJson("/api/interactions", """
        {"leadId": "%s", "type": "PAGE_VIEW", "details": {"url": "https://example.com/blog", "campaign": "%s"}}"""
        .formatted(leadId, campaign));
    assertThat(answer.status()).as(answer.toString()).isLessThan(300);
  }

  /** Sales-qualified at {@code readyAt}, its hand-off routed at {@code routedAt}: the follow-up. */
  private Task routedAt(String leadId, String readyAt, String routedAt) {
    at(readyAt, () -> inTransaction(() -> lifecycle.qualifiedByPhone(leadId)));
    ClockUtil.setCurrentTime(Date.from(Instant.parse(routedAt)));
    ProcessInstance handoff = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(SalesHandoffProcess.KEY).processInstanceBusinessKey(leadId).singleResult();
    execute(job(SalesHandoffProcess.Elements.ROUTE_TO_SALES, handoff));
    return engine.getTaskService().createTaskQuery().processInstanceId(handoff.getId()).singleResult();
  }

  private void at(String instant, Runnable step) {
    ClockUtil.setCurrentTime(Date.from(Instant.parse(instant)));
    step.run();
  }

  private void as(String user, Runnable step) {
    engine.getIdentityService().setAuthentication(user, engine.getIdentityService().createGroupQuery().groupMember(user).list()
        .stream().map(group -> group.getId()).toList());
    try {
      step.run();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private void inTransaction(Runnable step) {
    new TransactionTemplate(transactions).executeWithoutResult(status -> step.run());
  }

  private JsonNode campaignRow(String attribution, String campaign) {
    Api.Response report = manager.get("/api/reports/campaigns?" + MARCH + "&attribution=" + attribution + "&campaign=" + campaign);
    assertThat(report.status()).as(report.toString()).isEqualTo(200);
    assertThat(report.json().get("currency").asText()).isEqualTo("EUR");
    JsonNode rows = report.json().get("campaigns");
    assertThat(rows).as(report.toString()).hasSize(1);
    assertThat(rows.get(0).get("campaign").asText()).isEqualTo(campaign);
    return rows.get(0);
  }

  private static Map<String, JsonNode> byKey(JsonNode rows, String key) {
    return StreamSupport.stream(rows.spliterator(), false)
        .collect(java.util.stream.Collectors.toMap(row -> row.get(key).asText(), row -> row));
  }

  private static void assertStage(JsonNode stage, long entered, long converted, String rate, String median, String p90) {
    assertThat(stage.get("entered").asLong()).as(stage + " entered").isEqualTo(entered);
    assertThat(stage.get("convertedTo").asLong()).as(stage + " convertedTo").isEqualTo(converted);
    assertThat(stage.get("conversionRate").decimalValue()).as(stage + " conversionRate").isEqualByComparingTo(rate);
    assertThat(stage.get("medianTimeInStage").asText()).as(stage + " median").isEqualTo(median);
    assertThat(stage.get("p90TimeInStage").asText()).as(stage + " p90").isEqualTo(p90);
  }
}
