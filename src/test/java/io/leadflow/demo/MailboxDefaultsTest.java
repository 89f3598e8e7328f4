package io.leadflow.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** When the embedded run has its own mail server and mailbox, and where Leadflow then sends. */
class MailboxDefaultsTest {

  @Test
  void theEmbeddedRunWithNoMailServerConfiguredSendsToItsOwnMailbox() {
    StandardEnvironment environment = environment(Map.of());

    assertThat(environment.getProperty(MailboxDefaults.ENABLED)).isEqualTo("true");
    int port = environment.getProperty(MailboxDefaults.SMTP_PORT, Integer.class);
    assertThat(port).as("a free port").isPositive();
    assertThat(environment.getProperty("spring.mail.host")).isEqualTo("127.0.0.1");
    assertThat(environment.getProperty("spring.mail.port", Integer.class)).isEqualTo(port);
  }

  @Test
  void aMailServerOfOnesOwnTurnsItOff() {
    StandardEnvironment environment = environment(Map.of("spring.mail.host", "mail.example.com"));

    assertThat(environment.getProperty(MailboxDefaults.ENABLED)).isEqualTo("false");
    assertThat(environment.getProperty("spring.mail.host")).isEqualTo("mail.example.com");
  }

  @Test
  void anyOtherDatabaseHasNoneAndSendsToLocalhost1025WhenNothingIsConfigured() {
    StandardEnvironment environment = environment(Map.of("spring.datasource.url", "jdbc:postgresql://db/leadflow"));

    assertThat(environment.getProperty(MailboxDefaults.ENABLED)).isEqualTo("false");
    assertThat(environment.getProperty("spring.mail.host")).isEqualTo("localhost");
    assertThat(environment.getProperty("spring.mail.port")).isEqualTo("1025");
  }

  @Test
  void anyOtherDatabaseRefusesToStartWithItSwitchedOn() {
    assertThatThrownBy(() -> environment(Map.of(
        "spring.datasource.url", "jdbc:h2:tcp://db/leadflow", MailboxDefaults.ENABLED, "true")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("embedded H2 database only");
  }

  @Test
  void switchedOnExplicitlyItWinsOverTheConfiguredMailServer() {
    StandardEnvironment environment = environment(Map.of(
        "spring.mail.host", "localhost", "spring.mail.port", "3025", MailboxDefaults.ENABLED, "true",
        MailboxDefaults.SMTP_PORT, "4025"));

    assertThat(environment.getProperty("spring.mail.host")).isEqualTo("127.0.0.1");
    assertThat(environment.getProperty("spring.mail.port")).isEqualTo("4025");
  }

  private static StandardEnvironment environment(Map<String, Object> properties) {
    StandardEnvironment environment = new StandardEnvironment();
    // only what each case gives: CI's SPRING_DATASOURCE_URL (PostgreSQL) must not decide the embedded cases
    environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
    environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
    environment.getPropertySources().addFirst(new MapPropertySource("given", new HashMap<>(properties)));
    new MailboxDefaults().postProcessEnvironment(environment, new SpringApplication());
    return environment;
  }
}
