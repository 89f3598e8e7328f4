package io.leadflow.security;

import java.util.Locale;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * No default credentials outside the embedded run. What the run is follows from its database, not
 * from a profile's name: on any database but the embedded H2 one (a file or in memory, as
 * {@code ./mvnw spring-boot:run} and the tests use by default), Leadflow refuses to start unless
 * the administrator's password is set ({@code CAMUNDA_BPM_ADMINUSER_PASSWORD}), and not to the user
 * id, which is what Camunda silently falls back to (and what application.yml gives the embedded
 * run); and unless tracking links are signed with a secret of its own ({@code LEADFLOW_TRACKING_SECRET}),
 * not the embedded run's, with which anyone could forge unsubscribe links. Started with nothing but
 * {@code SPRING_DATASOURCE_*} pointing at PostgreSQL, it refuses to start.
 *
 * <p>It also decides the default of {@code leadflow.demo.enabled}: demo users and leads only on the
 * embedded database. Anywhere else they need {@code leadflow.demo.enabled=true}, explicitly (the
 * test profile does, for its logins, when CI runs it against PostgreSQL).
 *
 * <p>Runs before any bean exists, so nothing is created with a default password.
 */
public class ProductionCredentialsGuard implements EnvironmentPostProcessor, Ordered {

  static final String DATASOURCE_URL = "spring.datasource.url";
  static final String PASSWORD = "camunda.bpm.admin-user.password";
  static final String USER_ID = "camunda.bpm.admin-user.id";
  static final String TRACKING_SECRET = "leadflow.tracking.secret";
  static final String DEMO = "leadflow.demo.enabled";
  /** The embedded run's tracking secret (application.yml): public, so never for production. */
  static final String DEVELOPMENT_TRACKING_SECRET = "leadflow-development-tracking-secret";
  static final int MIN_TRACKING_SECRET_LENGTH = 32;

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    String url = environment.getProperty(DATASOURCE_URL, "").trim();
    boolean embedded = isEmbeddedDatabase(url);
    // the weakest of all sources: an explicit leadflow.demo.enabled anywhere wins
    environment.getPropertySources().addLast(
        new MapPropertySource("leadflow-demo-default", Map.of(DEMO, String.valueOf(embedded))));
    if (embedded) {
      return;
    }
    String database = "Leadflow on " + kindOf(url) + " (not the embedded H2 database)";
    String password = environment.getProperty(PASSWORD, "");
    String userId = environment.getProperty(USER_ID, "");
    if (userId.isBlank()) {
      throw new IllegalStateException(
          database + " needs an administrator: set CAMUNDA_BPM_ADMINUSER_ID and CAMUNDA_BPM_ADMINUSER_PASSWORD");
    }
    if (password.isBlank() || password.equals(userId)) {
      throw new IllegalStateException(
          database + " refuses to start without an administrator password: set "
              + "CAMUNDA_BPM_ADMINUSER_PASSWORD (not empty, not the user id). There are no default credentials in production.");
    }
    String trackingSecret = environment.getProperty(TRACKING_SECRET, "").trim();
    if (trackingSecret.isEmpty() || trackingSecret.equals(DEVELOPMENT_TRACKING_SECRET)
        || trackingSecret.length() < MIN_TRACKING_SECRET_LENGTH) {
      throw new IllegalStateException(
          database + " refuses to start without a tracking secret of its own: set "
              + "LEADFLOW_TRACKING_SECRET to a random value of at least " + MIN_TRACKING_SECRET_LENGTH
              + " characters (e.g. openssl rand -base64 32), not the development value. It signs the links in emails.");
    }
  }

  /**
   * H2 in this JVM: a file ({@code jdbc:h2:file:}, or a bare path) or memory ({@code jdbc:h2:mem:}); no
   * URL at all is Spring Boot's embedded database too. An H2 server ({@code tcp:}, {@code ssl:}) and
   * every other database are not.
   */
  public static boolean isEmbeddedDatabase(String url) {
    String normalized = url == null ? "" : url.trim().toLowerCase(Locale.ROOT);
    if (normalized.isEmpty()) {
      return true;
    }
    return normalized.startsWith("jdbc:h2:")
        && !normalized.startsWith("jdbc:h2:tcp:") && !normalized.startsWith("jdbc:h2:ssl:");
  }

  /** "jdbc:postgresql", never the rest of the URL (it may carry credentials). */
  private static String kindOf(String url) {
    String[] parts = url.split(":", 3);
    return parts.length >= 2 ? parts[0] + ":" + parts[1] : "the configured database";
  }

  @Override
  public int getOrder() {
    // after the application*.yml files are read
    return Ordered.LOWEST_PRECEDENCE;
  }
}
