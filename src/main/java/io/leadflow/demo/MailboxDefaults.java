package io.leadflow.demo;

import io.leadflow.security.ProductionCredentialsGuard;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Decides whether the embedded run has its own mail server and mailbox ({@link EmbeddedMailbox}),
 * before any bean exists:
 * <ul>
 *   <li>{@code leadflow.demo.mailbox.enabled} defaults to true on the embedded H2 database when no
 *       mail server is configured ({@code spring.mail.host} / {@code SPRING_MAIL_HOST} unset), and
 *       to false otherwise;
 *   <li>on any other database it is never on: set to true there, Leadflow refuses to start;
 *   <li>when on, Leadflow sends to it, whatever {@code spring.mail.*} says: GreenMail listens on
 *       127.0.0.1, port {@code leadflow.demo.mailbox.smtp-port} (0, the default: a free one);
 *   <li>when off and no mail server is configured, Leadflow sends to {@code localhost:1025}, as
 *       before there was a mailbox.
 * </ul>
 */
public class MailboxDefaults implements EnvironmentPostProcessor, Ordered {

  static final String ENABLED = "leadflow.demo.mailbox.enabled";
  static final String SMTP_PORT = "leadflow.demo.mailbox.smtp-port";
  static final String MAIL_HOST = "spring.mail.host";
  static final String MAIL_PORT = "spring.mail.port";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    boolean embedded = ProductionCredentialsGuard.isEmbeddedDatabase(environment.getProperty("spring.datasource.url", ""));
    boolean mailServerConfigured = environment.containsProperty(MAIL_HOST);
    Boolean explicit = environment.getProperty(ENABLED, Boolean.class);
    boolean enabled = explicit != null ? explicit : embedded && !mailServerConfigured;
    if (enabled && !embedded) {
      throw new IllegalStateException("leadflow.demo.mailbox.enabled=true is for the embedded H2 database only: "
          + "on any other database Leadflow sends to the mail server of spring.mail.host (SPRING_MAIL_HOST)");
    }
    if (!enabled) {
      environment.getPropertySources().addLast(new MapPropertySource("leadflow-mail-default",
          Map.of(ENABLED, "false", MAIL_HOST, "localhost", MAIL_PORT, "1025")));
      return;
    }
    int port = environment.getProperty(SMTP_PORT, Integer.class, 0);
    if (port == 0) {
      port = freePort();
    }
    // the strongest source: Leadflow sends to its own mailbox
    environment.getPropertySources().addFirst(new MapPropertySource("leadflow-mailbox", Map.of(
        ENABLED, "true", SMTP_PORT, String.valueOf(port), MAIL_HOST, EmbeddedMailbox.HOST, MAIL_PORT, String.valueOf(port))));
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(EmbeddedMailbox.HOST))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("No free port for the embedded mail server", e);
    }
  }

  @Override
  public int getOrder() {
    // after the application*.yml files are read
    return Ordered.LOWEST_PRECEDENCE;
  }
}
