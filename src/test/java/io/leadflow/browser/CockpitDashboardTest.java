package io.leadflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadflow.LeadflowTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A manager opens Cockpit and finds marketing's results on the dashboard, drawn as charts with the
 * demo figures beside them; a sales rep does not. The demo campaigns' costs are 8 weekly entries:
 * the webinar's 1,200 a week is 9,600 over the dashboard's 90 days, and its three wins (24,000,
 * 18,000 and 31,000) are 73,000 of revenue.
 */
@LeadflowTest
class CockpitDashboardTest {

  @RegisterExtension static final HeadlessChromium browser = new HeadlessChromium();

  @LocalServerPort int port;

  @Test
  void aManagerSeesTheChartsAndTheDemoFiguresOnTheDashboard() {
    WebDriver driver = login("max");
    WebDriverWait wait = new WebDriverWait(driver, browser.timeout());

    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#leadflow-reports[data-loaded='true']")));
    WebElement webinar = wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
        "//table[@data-report='campaigns']//tr[td[@data-figure='campaign'][normalize-space()='webinar-2026-q4']]")));
    assertThat(webinar.findElement(By.cssSelector("td[data-figure='cost']")).getText()).isEqualTo("9,600.00");
    assertThat(webinar.findElement(By.cssSelector("td[data-figure='revenue']")).getText()).isEqualTo("73,000.00");
    for (String chart : List.of("campaigns", "funnel", "speed-to-lead", "score-quality")) {
      assertThat(driver.findElements(By.cssSelector("[data-chart='" + chart + "'] canvas"))).as(chart + " drawn").isNotEmpty();
    }
    assertThat(driver.findElement(By.cssSelector("table[data-report='funnel'] td[data-figure='entered']")).getText())
        .as("leads entered nurturing").matches("[1-9][0-9]*");
    ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
        "document.querySelector('#leadflow-reports').scrollIntoView()");
    browser.screenshot("cockpit-dashboard-max");
  }

  @Test
  void aSalesRepDoesNotSeeThem() {
    WebDriver driver = login("sam");
    WebDriverWait wait = new WebDriverWait(driver, browser.timeout());

    // a rep has no Cockpit: the login is refused (or, were it given, the reports answer 403 and show nothing)
    wait.until(d -> !d.findElements(By.cssSelector(".notifications .alert, .notification, [class*='alert-danger']")).isEmpty()
        || !d.findElements(By.cssSelector(".dashboard, [ng-view] .dashboard")).isEmpty());
    browser.screenshot("cockpit-dashboard-sam");
    assertThat(driver.findElements(By.cssSelector("[data-section='campaigns']"))).isEmpty();
    assertThat(driver.getPageSource()).doesNotContain("Leadflow results");
  }

  private WebDriver login(String user) {
    WebDriver driver = browser.driver();
    driver.get("http://localhost:" + port + "/camunda/app/cockpit/default/#/login");
    SignInForm.signIn(driver, new WebDriverWait(driver, browser.timeout()), user, "demo");
    return driver;
  }
}
