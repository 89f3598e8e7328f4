package io.leadflow.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadflow.LeadflowApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.mock.env.MockEnvironment;

/** In production there are no default credentials: no administrator password, no start. */
class ProductionCredentialsGuardTest {

  @Test
  void theProductionProfileRefusesToStartWithoutAnAdministratorPassword() {
    assertThatThrownBy(() -> new SpringApplicationBuilder(LeadflowApplication.class)
            .profiles("postgres")
            .run("--camunda.bpm.admin-user.password=", "--server.port=0"))
        .hasMessageContaining("refuses to start without an administrator password")
        .hasMessageContaining("CAMUNDA_BPM_ADMINUSER_PASSWORD");
  }

  @Test
  void thePasswordMayNotBeTheUserIdWhichIsCamundasSilentDefault() {
    MockEnvironment environment = new MockEnvironment()
        .withProperty("camunda.bpm.admin-user.id", "admin")
        .withProperty("camunda.bpm.admin-user.password", "admin");
    environment.setActiveProfiles("postgres");

    assertThatThrownBy(() -> new ProductionCredentialsGuard().postProcessEnvironment(environment, new SpringApplication()))
        .hasMessageContaining("not the user id");
  }

  @Test
  void aRealPasswordPassesAndTheEmbeddedRunNeedsNone() {
    MockEnvironment production = new MockEnvironment()
        .withProperty("camunda.bpm.admin-user.id", "admin")
        .withProperty("camunda.bpm.admin-user.password", "s3cret-from-the-vault");
    production.setActiveProfiles("postgres");
    MockEnvironment embedded = new MockEnvironment().withProperty("camunda.bpm.admin-user.id", "admin");

    assertThatCode(() -> new ProductionCredentialsGuard().postProcessEnvironment(production, new SpringApplication()))
        .doesNotThrowAnyException();
    assertThatCode(() -> new ProductionCredentialsGuard().postProcessEnvironment(embedded, new SpringApplication()))
        .doesNotThrowAnyException();
  }
}
