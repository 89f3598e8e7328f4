package io.leadflow.security;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * No default credentials in production: with the {@code postgres} profile Leadflow refuses to
 * start unless the administrator's password is set ({@code CAMUNDA_BPM_ADMINUSER_PASSWORD}), and
 * not to the user id, which is what Camunda silently falls back to; and unless tracking links are
 * signed with a secret of its own ({@code LEADFLOW_TRACKING_SECRET}), not the embedded run's,
 * with which anyone could forge unsubscribe links. Runs before any bean exists, so nothing is
 * created with a default password.
 */
public class ProductionCredentialsGuard implements EnvironmentPostProcessor, Ordered {

  static final String PASSWORD = "camunda.bpm.admin-user.password";
  static final String USER_ID = "camunda.bpm.admin-user.id";
  static final String TRACKING_SECRET = "leadflow.tracking.secret";
  /** The embedded run's tracking secret (application.yml): public, so never for production. */
  static final String DEVELOPMENT_TRACKING_SECRET = "leadflow-development-tracking-secret";
  static final int MIN_TRACKING_SECRET_LENGTH = 32;

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (!environment.acceptsProfiles(Profiles.of("postgres"))) {
      return;
    }
    String password = environment.getProperty(PASSWORD, "");
    String userId = environment.getProperty(USER_ID, "");
    if (userId.isBlank()) {
      throw new IllegalStateException(
          "Leadflow (postgres profile) needs an administrator: set CAMUNDA_BPM_ADMINUSER_ID and CAMUNDA_BPM_ADMINUSER_PASSWORD");
    }
    if (password.isBlank() || password.equals(userId)) {
      throw new IllegalStateException(
          "Leadflow (postgres profile) refuses to start without an administrator password: set "
              + "CAMUNDA_BPM_ADMINUSER_PASSWORD (not empty, not the user id). There are no default credentials in production.");
    }
    String trackingSecret = environment.getProperty(TRACKING_SECRET, "").trim();
    if (trackingSecret.isEmpty() || trackingSecret.equals(DEVELOPMENT_TRACKING_SECRET)
        || trackingSecret.length() < MIN_TRACKING_SECRET_LENGTH) {
      throw new IllegalStateException(
          "Leadflow (postgres profile) refuses to start without a tracking secret of its own: set "
              + "LEADFLOW_TRACKING_SECRET to a random value of at least " + MIN_TRACKING_SECRET_LENGTH
              + " characters (e.g. openssl rand -base64 32), not the development value. It signs the links in emails.");
    }
  }

  @Override
  public int getOrder() {
    // after the application*.yml files are read
    return Ordered.LOWEST_PRECEDENCE;
  }
}
