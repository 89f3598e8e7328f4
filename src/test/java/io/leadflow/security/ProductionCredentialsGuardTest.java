package io.leadflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadflow.LeadflowApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.env.MockEnvironment;

/** In production there are no default credentials: no administrator password or tracking secret, no start. */
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
  void theProductionProfileRefusesToStartWithoutATrackingSecret() {
    assertThatThrownBy(() -> new SpringApplicationBuilder(LeadflowApplication.class)
            .profiles("postgres")
            .run("--camunda.bpm.admin-user.password=s3cret-from-the-vault", "--leadflow.tracking.secret=", "--server.port=0"))
        .hasMessageContaining("refuses to start without a tracking secret of its own")
        .hasMessageContaining("LEADFLOW_TRACKING_SECRET");
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

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', nullValues = "NONE", textBlock = """
      not set                          | NONE
      blank                            | '  '
      the embedded run's public value  | leadflow-development-tracking-secret
      too short to resist guessing     | short-and-guessable
      """)
  void theProductionProfileRefusesToStartWithoutATrackingSecretOfItsOwn(String why, String secret) {
    MockEnvironment environment = production();
    if (secret != null) {
      environment.setProperty("leadflow.tracking.secret", secret);
    }

    assertThatThrownBy(() -> new ProductionCredentialsGuard().postProcessEnvironment(environment, new SpringApplication()))
        .hasMessageContaining("refuses to start without a tracking secret of its own")
        .hasMessageContaining("LEADFLOW_TRACKING_SECRET");
  }

  @Test
  void theProductionProfileTakesTheTrackingSecretFromTheEnvironmentAndTheGuardKnowsTheDevelopmentValue() {
    YamlPropertiesFactoryBean embedded = new YamlPropertiesFactoryBean();
    embedded.setResources(new ClassPathResource("application.yml"));
    YamlPropertiesFactoryBean postgres = new YamlPropertiesFactoryBean();
    postgres.setResources(new ClassPathResource("application-postgres.yml"));

    assertThat(embedded.getObject().getProperty("leadflow.tracking.secret"))
        .isEqualTo(ProductionCredentialsGuard.DEVELOPMENT_TRACKING_SECRET);
    assertThat(postgres.getObject().getProperty("leadflow.tracking.secret")).isEqualTo("${LEADFLOW_TRACKING_SECRET:}");
  }

  @Test
  void aRealPasswordAndTrackingSecretPassAndTheEmbeddedRunNeedsNeither() {
    MockEnvironment production = production()
        .withProperty("leadflow.tracking.secret", "q6Zp1m4WvT0yqR9s2LbX8kNf3HcJ7uAe5GdYwVtPo0I=");
    MockEnvironment embedded = new MockEnvironment().withProperty("camunda.bpm.admin-user.id", "admin");

    assertThatCode(() -> new ProductionCredentialsGuard().postProcessEnvironment(production, new SpringApplication()))
        .doesNotThrowAnyException();
    assertThatCode(() -> new ProductionCredentialsGuard().postProcessEnvironment(embedded, new SpringApplication()))
        .doesNotThrowAnyException();
  }

  /** The postgres profile with a good administrator password. */
  private static MockEnvironment production() {
    MockEnvironment production = new MockEnvironment()
        .withProperty("camunda.bpm.admin-user.id", "admin")
        .withProperty("camunda.bpm.admin-user.password", "s3cret-from-the-vault");
    production.setActiveProfiles("postgres");
    return production;
  }
}
