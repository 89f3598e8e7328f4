package io.leadflow.browser;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Camunda Tasklist as a user sees it, for real-browser tests. Every action waits (WebDriverWait)
 * for what it needs and for its effect; elements are found by the text a user reads (filter and
 * task names, form field labels, button captions), not by generated ids.
 *
 * <pre>
 * TasklistPage tasklist = new TasklistPage(browser, "http://localhost:" + port);
 * tasklist.login("sam", "demo").openFilter("All tasks").openTask("Follow up ...").claim();
 * tasklist.select("Outcome", "Opportunity").fill("Reason", "...").complete();
 * </pre>
 */
public class TasklistPage {

  private final HeadlessChromium browser;
  private final WebDriver driver;
  private final String baseUrl;
  private final FluentWait<WebDriver> wait;

  /** @param baseUrl where Leadflow runs, e.g. {@code http://localhost:8080} */
  public TasklistPage(HeadlessChromium browser, String baseUrl) {
    this.browser = browser;
    this.driver = browser.driver();
    this.baseUrl = baseUrl.replaceAll("/+$", "");
    this.wait = new WebDriverWait(driver, browser.timeout())
        // Tasklist re-renders as it works (after Complete, say): an element read a moment ago is looked up again
        .ignoring(StaleElementReferenceException.class);
  }

  public String url() {
    return baseUrl + "/camunda/app/tasklist/default/";
  }

  /** Opens Tasklist's login page, logs in and waits until the task filters are shown. */
  public TasklistPage login(String user, String password) {
    driver.get(url() + "#/login");
    SignInForm.signIn(driver, wait, user, password);
    wait.until(d -> {
      failOnError(); // e.g. "Wrong credentials, locked user or missing access rights to application"
      return d.findElements(By.cssSelector("form[name='signinForm']")).isEmpty()
          && !d.findElements(By.cssSelector(".task-filters")).isEmpty();
    });
    return this;
  }

  /** The names of the filters the user may see, once Tasklist has loaded them. */
  public List<String> filterNames() {
    waitUntilLoaded(By.cssSelector(".task-filters"));
    return driver.findElements(By.cssSelector(".task-filters .task-filter h4.name a")).stream()
        .map(name -> (String) ((JavascriptExecutor) driver).executeScript("return arguments[0].firstChild.textContent;", name))
        .map(String::strip).toList();
  }

  /** Clicks the filter with this name and waits until its task list is shown. */
  public TasklistPage openFilter(String name) {
    // the link holds the name and, for the focused filter, a counter: compare its own text only
    String filter = "//*[" + hasClass("task-filters") + "]//*[" + hasClass("task-filter") + "]"
        + "[.//h4[" + hasClass("name") + "]/a[normalize-space(text())=" + xpathLiteral(name) + "]]";
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath(filter + "//h4/a"))).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(filter + "[" + hasClass("active") + "]")));
    waitUntilLoaded(By.cssSelector(".tasks-list"));
    return this;
  }

  /** The names of the tasks in the open filter's list, once it has loaded (may be none). */
  public List<String> taskNames() {
    By tasks = By.cssSelector(".tasks-list li.task .names h4");
    By none = By.xpath("//*[" + hasClass("tasks-list") + "]//*[" + hasClass("well") + "]"
        + "[contains(normalize-space(),'No task matching filters found.')]");
    waitUntilLoaded(By.cssSelector(".tasks-list"));
    wait.until(d -> !d.findElements(tasks).isEmpty() || d.findElements(none).stream().anyMatch(WebElement::isDisplayed));
    return driver.findElements(tasks).stream().map(WebElement::getText).map(String::strip).toList();
  }

  /** Clicks the (first) task with this name in the list and waits for its form. */
  public TasklistPage openTask(String name) {
    By task = By.xpath("//*[" + hasClass("tasks-list") + "]//li[" + hasClass("task") + "]//h4/a[normalize-space()=" + xpathLiteral(name) + "]");
    // a long list puts the task under Tasklist's footer: bring it to the middle first
    inView(wait.until(ExpectedConditions.presenceOfElementLocated(task)));
    wait.until(ExpectedConditions.elementToBeClickable(task)).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
        "//*[" + hasClass("task-details") + "]//*[normalize-space()=" + xpathLiteral(name) + "]")));
    return this;
  }

  /** Claims the open task and waits until it is the user's. */
  public TasklistPage claim() {
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim"))).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button.claim")));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("button.unclaim")));
    return this;
  }

  /**
   * The input or textarea of the form field whose label reads {@code label} (form-js links them
   * with the label's {@code for}; a required field's label ends in "*"). For a form-js select this
   * is its hidden input, which holds the chosen value.
   */
  public WebElement formField(String label) {
    String id = label(label).getAttribute("for");
    return wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
  }

  /** What the field labelled {@code label} shows: an input's value, a select's chosen option. */
  public String valueOf(String label) {
    WebElement field = fieldContainer(label);
    List<WebElement> display = field.findElements(By.cssSelector(".fjs-select-display"));
    if (!display.isEmpty()) {
      return display.get(0).getText().strip();
    }
    return formField(label).getDomProperty("value");
  }

  /** Types {@code value} into the field labelled {@code label} (replacing what was there). */
  public TasklistPage fill(String label, String value) {
    WebElement field = wait.until(ExpectedConditions.elementToBeClickable(inView(formField(label))));
    field.clear();
    field.sendKeys(value);
    wait.until(d -> value.equals(field.getDomProperty("value")));
    return this;
  }

  /**
   * Chooses {@code option} (as the user reads it) in the select field labelled {@code label}:
   * form-js 1.8 draws its own drop-down (no native select), opened by a click on the field.
   */
  public TasklistPage select(String label, String option) {
    WebElement field = inView(fieldContainer(label));
    wait.until(ExpectedConditions.elementToBeClickable(field.findElement(By.cssSelector(".fjs-input-group")))).click();
    By item = By.xpath(".//*[" + hasClass("fjs-dropdownlist-item") + "][normalize-space()=" + xpathLiteral(option) + "]");
    wait.until(d -> field.findElements(item).stream().anyMatch(WebElement::isDisplayed));
    field.findElement(item).click();
    wait.until(d -> option.equals(valueOf(label)));
    return this;
  }

  /** Scrolls the element to the middle of the window: a long form's lower fields sit under Tasklist's footer. */
  private WebElement inView(WebElement element) {
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    return element;
  }

  /** The form-js label reading {@code label}, with or without the "*" of a required field. */
  private WebElement label(String label) {
    By byLabel = By.xpath("//*[" + hasClass("fjs-form") + "]//label[" + hasClass("fjs-form-field-label") + "]"
        + "[normalize-space(text())=" + xpathLiteral(label) + "]");
    return wait.until(ExpectedConditions.visibilityOfElementLocated(byLabel));
  }

  /** The form-js field (label, input, drop-down, errors) whose label reads {@code label}. */
  private WebElement fieldContainer(String label) {
    return label(label).findElement(By.xpath("ancestor::div[" + hasClass("fjs-form-field") + "][1]"));
  }

  /**
   * Clicks Tasklist's Complete button and waits until Tasklist has closed the task (Tasklist shows
   * no success message; it drops the task from the address and the list). Fails at once with
   * Tasklist's message when it reports an error, e.g. a required field left empty.
   */
  public TasklistPage complete() {
    String taskId = openTaskId();
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
        "//*[" + hasClass("form-actions") + "]//button[normalize-space()='Complete']"))).click();
    wait.until(d -> {
      failOnError();
      return !d.getCurrentUrl().contains("task=" + taskId);
    });
    return this;
  }

  /** The id of the task open in the details pane (from the address, where Tasklist keeps it). */
  public String openTaskId() {
    String url = driver.getCurrentUrl();
    Matcher task = Pattern.compile("[?&]task=([^&]+)").matcher(url);
    if (!task.find()) {
      throw new IllegalStateException("no task is open: " + url);
    }
    return task.group(1);
  }

  /** Throws with the text of the error notifications and form validation errors Tasklist shows. */
  public void failOnError() {
    List<String> errors = driver.findElements(By.cssSelector(
            ".page-notifications .alert-danger, .fjs-form-field-error, .task-details .alert-danger")).stream()
        .filter(WebElement::isDisplayed)
        // the text as a whole: a notification fading in has its words "invisible" to getText()
        .map(error -> error.getDomProperty("textContent").replaceAll("\u00d7|\\bClose\\b", " ").replaceAll("\\s+", " ").strip())
        .filter(text -> !text.isEmpty()).toList();
    if (!errors.isEmpty()) {
      throw new IllegalStateException("Tasklist shows an error: " + String.join(" | ", errors));
    }
  }

  /** Saves a screenshot of the page as {@code target/browser/<name>.png}. */
  public Path screenshot(String name) {
    return browser.screenshot(name);
  }

  public WebDriver driver() {
    return driver;
  }

  /** Waits for the element and for Tasklist's loading indicators inside it to go. */
  private void waitUntilLoaded(By container) {
    wait.until(ExpectedConditions.presenceOfElementLocated(container));
    wait.until(d -> d.findElements(By.cssSelector(".loader:not(.ng-hide), .loading-indicator:not(.ng-hide)")).stream()
        .noneMatch(WebElement::isDisplayed));
  }

  /** An XPath test that the element has the CSS class {@code name} (not merely a longer one). */
  static String hasClass(String name) {
    return "contains(concat(' ', normalize-space(@class), ' '), ' " + name + " ')";
  }

  /** A string as an XPath literal, whatever quotes it contains. */
  static String xpathLiteral(String text) {
    if (!text.contains("'")) {
      return "'" + text + "'";
    }
    if (!text.contains("\"")) {
      return "\"" + text + "\"";
    }
    return "concat('" + text.replace("'", "', \"'\", '") + "')";
  }
}
