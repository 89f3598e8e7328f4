package io.leadflow.browser;

import static io.leadflow.journey.Journeys.welcomed;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.leadflow.Api;
import io.leadflow.LeadflowTest;
import io.leadflow.TestSmtp;
import io.leadflow.lead.EmailFrequency;
import io.leadflow.lead.EmailTopic;
import io.leadflow.lead.Lead;
import io.leadflow.lead.LeadStatus;
import io.leadflow.lead.Leads;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The preference centre as the person lives it, in a real browser: the journey's welcome reaches
 * the mail server, the person follows its "Choose what you receive" link, drops events, asks for
 * email once a month at most and saves; then comes back and unsubscribes from all.
 */
@LeadflowTest
class PreferenceCentreBrowserTest {

  @RegisterExtension static final HeadlessChromium browser = new HeadlessChromium();

  @RegisterExtension static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SMTP);

  private static final Pattern PREFERENCES_LINK = Pattern.compile("https://leadflow\\.test(/t/p/[A-Za-z0-9._-]+)");

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired Leads leads;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
  }

  @Test
  void thePersonOpensThePreferenceCentreFromTheWelcomeDropsEventsAndThenUnsubscribesFromAll() throws Exception {
    String address = "paula." + UUID.randomUUID() + "@example.com";
    Api.Response captured = Api.at(port).as("mia", "demo").postJson("/api/leads", """
        {"email": "%s", "firstName": "Paula", "company": "Prisma Labs", "consent": {"given": true, "source": "landing page"}}"""
        .formatted(address));
    assertThat(captured.status()).as(captured.toString()).isEqualTo(201);
    String lead = captured.json().get("id").asText();
    welcomed(engine, lead);
    String link = preferencesLinkOfTheEmailTo(address);

    WebDriver page = browser.driver();
    page.get("http://localhost:" + port + link);
    WebDriverWait wait = new WebDriverWait(page, browser.timeout());
    wait.until(ExpectedConditions.titleIs("Your email preferences"));
    assertThat(page.findElement(By.id("topic-EVENTS")).isSelected()).as("every topic kept at first").isTrue();
    page.findElement(By.cssSelector("label[for=topic-EVENTS]")).click();
    page.findElement(By.cssSelector("label[for=frequency-MONTHLY]")).click();
    browser.screenshot("preference-centre-before-saving");
    page.findElement(By.id("save")).click();

    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("saved")));
    assertThat(page.findElement(By.id("topic-EVENTS")).isSelected()).isFalse();
    assertThat(page.findElement(By.id("topic-NEWSLETTER")).isSelected()).isTrue();
    assertThat(page.findElement(By.id("frequency-MONTHLY")).isSelected()).isTrue();
    Lead chosen = leads.find(lead).orElseThrow();
    assertThat(chosen.keptTopics()).containsExactly(EmailTopic.NEWSLETTER, EmailTopic.PRODUCT_NEWS);
    assertThat(chosen.emailFrequency()).isEqualTo(EmailFrequency.MONTHLY);

    page.findElement(By.id("unsubscribe-all")).click();

    wait.until(ExpectedConditions.titleIs("You are unsubscribed"));
    assertThat(leads.find(lead).orElseThrow().getStatus()).isEqualTo(LeadStatus.UNSUBSCRIBED);
  }

  private String preferencesLinkOfTheEmailTo(String address) throws Exception {
    assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();
    MimeMessage welcome = Arrays.stream(smtp.getReceivedMessagesForDomain(address)).reduce((a, b) -> b).orElseThrow();
    Matcher matcher = PREFERENCES_LINK.matcher(GreenMailUtil.getWholeMessage(welcome));
    assertThat(matcher.find()).as("the email links to the preference centre").isTrue();
    return matcher.group(1);
  }
}
