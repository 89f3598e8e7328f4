package io.leadflow.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Wait;

/**
 * The sign-in form of Camunda's webapps (Tasklist, Cockpit). The page focuses its user field once
 * it has rendered, which can land in the middle of typing the password (the user field then reads
 * "samdemo"): the fields are filled until each holds its own value, then the form is sent.
 */
final class SignInForm {

  private static final By USER = By.cssSelector("form[name='signinForm'] input[ng-model='username']");
  private static final By PASSWORD = By.cssSelector("form[name='signinForm'] input[ng-model='password']");
  private static final By SUBMIT = By.cssSelector("form[name='signinForm'] button[type='submit']");

  private SignInForm() {}

  static void signIn(WebDriver driver, Wait<WebDriver> wait, String user, String password) {
    wait.until(ExpectedConditions.visibilityOfElementLocated(USER));
    wait.until(d -> {
      WebElement name = d.findElement(USER);
      name.clear();
      name.sendKeys(user);
      WebElement secret = d.findElement(PASSWORD);
      secret.clear();
      secret.sendKeys(password);
      return user.equals(d.findElement(USER).getDomProperty("value"))
          && password.equals(d.findElement(PASSWORD).getDomProperty("value"));
    });
    driver.findElement(SUBMIT).click();
  }
}
