package io.leadflow.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.leadflow.Api;
import io.leadflow.browser.HeadlessChromium;
import io.leadflow.interaction.InteractionRepository;
import io.leadflow.interaction.InteractionType;
import io.leadflow.journey.Journeys;
import io.leadflow.journey.LeadNurturingProcess;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The embedded run's mailbox: Leadflow sends to its own mail server, and a newcomer reads the
 * emails at /mailbox, as the lead would, with links that work against this instance. Runs the
 * application as the embedded run does (its own H2 database, the mailbox on, links to its own
 * address), not the other tests' SMTP server, and closes it afterwards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
    "leadflow.demo.mailbox.enabled=true",
    "spring.datasource.url=jdbc:h2:mem:leadflow-mailbox;DB_CLOSE_DELAY=-1",
    // an engine name of its own: closing this application must not unregister the other tests' "default" engine
    "camunda.bpm.process-engine-name=mailbox",
    // nor its webapps the static hooks the other tests' Tasklist, Cockpit and Admin use
    "camunda.bpm.webapp.enabled=false"})
@ActiveProfiles("test")
@DirtiesContext
class MailboxTest {

  @RegisterExtension static final HeadlessChromium browser = new HeadlessChromium();

  static final int PORT = freePort();

  /** Links in emails point at this instance, as in the embedded run (http://localhost:<server.port>). */
  @DynamicPropertySource
  static void ownAddress(DynamicPropertyRegistry properties) {
    properties.add("server.port", () -> PORT);
    properties.add("leadflow.public-base-url", () -> "http://localhost:" + PORT);
  }

  @Autowired ProcessEngine engine;
  @Autowired InteractionRepository interactions;

  Api marketing;
  String email;
  String leadId;

  @BeforeEach
  void aLeadWasWelcomed() {
    marketing = Api.at(PORT).as("mia", "demo");
    email = "reader." + UUID.randomUUID() + "@example.com";
    Api.Response captured = marketing.postJson("/api/leads", """
        {"email": "%s", "firstName": "Rita", "lastName": "Reader", "company": "Inbox Ltd", "companySize": 40,
         "industry": "Software", "country": "DE", "consent": {"given": true, "source": "mailbox test"}}""".formatted(email));
    assertThat(captured.status()).isEqualTo(201);
    leadId = captured.json().get("id").asText();
    ProcessInstance journey = Journeys.journeyOf(engine, leadId);
    run(journey, LeadNurturingProcess.Elements.START);
    run(journey, LeadNurturingProcess.Elements.SEND_WELCOME);
  }

  /**
   * The job at that step of the journey, on this application's engine (BpmnAwareTests' job() cannot
   * choose among the engines of several applications in one JVM).
   */
  private void run(ProcessInstance journey, String activityId) {
    Job job = engine.getManagementService().createJobQuery().processInstanceId(journey.getId()).activityId(activityId)
        .singleResult();
    assertThat(job).as("the job at " + activityId).isNotNull();
    engine.getManagementService().executeJob(job.getId());
  }

  @Test
  void marketingReadsTheWelcomeInTheMailboxOthersMayNot() {
    Api.Response mailbox = marketing.get("/mailbox");

    assertThat(mailbox.status()).isEqualTo(200);
    assertThat(mailbox.header("Content-Type")).startsWith("text/html");
    assertThat(mailbox.body()).contains(email, "Rita, welcome to Leadflow");
    String path = mailbox.body().replaceAll("(?s).*" + email.replace(".", "\\.") + ".*?href=\"(/mailbox/[^\"]+)\".*", "$1");
    Api.Response welcome = marketing.get(path);
    assertThat(welcome.status()).isEqualTo(200);
    assertThat(welcome.header("Content-Security-Policy")).contains("default-src 'none'").doesNotContain("script-src");
    assertThat(welcome.body())
        .contains("sandbox=\"allow-popups allow-popups-to-escape-sandbox\"")
        .contains("srcdoc=\"")
        .as("the email's tracked links point at this instance").contains("http://localhost:" + PORT + "/t/c/")
        .as("its HTML only inside the frame's attribute, escaped").doesNotContain("<body style=");

    assertThat(Api.at(PORT).get("/mailbox").status()).as("no login").isEqualTo(401);
    assertThat(Api.at(PORT).get("/mailbox").header("WWW-Authenticate")).as("the browser asks for one").startsWith("Basic");
    assertThat(Api.at(PORT).as("sam", "demo").get("/mailbox").status()).as("a sales rep").isEqualTo(403);
    assertThat(Api.at(PORT).as("admin", "test-admin-password").get("/mailbox").status()).isEqualTo(200);
  }

  @Test
  void aNewcomerOpensTheWelcomeInTheBrowserFollowsItsLinkAndTheLeadsEngagementRises() {
    // the newcomer reads the welcome a minute after it went out: an open or click within seconds of a
    // send is a link scanner's (bpmn/interaction-filter.dmn) and scores nothing
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofMinutes(1))));
    WebDriver driver = browser.driver();
    WebDriverWait wait = new WebDriverWait(driver, browser.timeout());
    driver.get("http://mia:demo@localhost:" + PORT + "/mailbox");
    String mailbox = driver.getWindowHandle();

    WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(
        By.xpath("//tr[td[contains(., '" + email + "')]]")));
    row.findElement(By.cssSelector("a.email")).click();
    wait.until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.cssSelector("iframe[title='email']")));
    WebElement link = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("a[href*='/t/c/']")));
    // showing the email loads its open pixel, as a mail client does: the open is scored first
    await("the open recorded").atMost(Duration.ofSeconds(20)).until(() -> recorded(InteractionType.EMAIL_OPEN) == 1);
    int before = engagement();

    link.click();

    await("the click recorded").atMost(Duration.ofSeconds(20)).until(() -> recorded(InteractionType.EMAIL_CLICK) == 1);
    assertThat(engagement()).as(interactions.findByLeadIdOrderByOccurredAtAscIdAsc(leadId).stream()
        .map(i -> i.getType() + " " + i.getPoints() + " " + i.isFiltered() + " " + i.getFilterReason()).toList().toString())
        .isGreaterThan(before);
    assertThat(driver.getWindowHandles()).as("the link opened in a tab of its own").hasSize(2);
    for (String handle : List.copyOf(driver.getWindowHandles())) {
      if (!handle.equals(mailbox)) {
        driver.switchTo().window(handle).close();
      }
    }
    driver.switchTo().window(mailbox);
  }

  @org.junit.jupiter.api.AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private long recorded(InteractionType type) {
    return interactions.findByLeadIdOrderByOccurredAtAscIdAsc(leadId).stream()
        .filter(interaction -> interaction.getType() == type).count();
  }

  private int engagement() {
    Api.Response score = marketing.get("/api/leads/" + leadId + "/score");
    assertThat(score.status()).isEqualTo(200);
    return score.json().get("engagement").asInt();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
