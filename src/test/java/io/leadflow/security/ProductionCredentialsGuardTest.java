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
        .withProperty("spring.datasource.url", POSTGRES)
        .withProperty("camunda.bpm.admin-user.id", "admin")
        .withProperty("camunda.bpm.admin-user.password", "admin");

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
    MockEnvironment production = productionWithATrackingSecret();
    MockEnvironment embedded = new MockEnvironment().withProperty("camunda.bpm.admin-user.id", "admin");

    assertThatCode(() -> new ProductionCredentialsGuard().postProcessEnvironment(production, new SpringApplication()))
        .doesNotThrowAnyException();
    assertThatCode(() -> new ProductionCredentialsGuard().postProcessEnvironment(embedded, new SpringApplication()))
        .doesNotThrowAnyException();
  }

  /**
   * Issue 17, case 5: started with nothing but SPRING_DATASOURCE_* pointing at PostgreSQL (no
   * profile), application.yml gave admin/admin, the demo users and leads and the public tracking
   * secret. What the run is follows from the database, not from a profile's name.
   */
  @Test
  void postgresqlWithoutCredentialsIsRefusedWithoutAnyProfile() {
    MockEnvironment environment = applicationYmlDefaults().withProperty("spring.datasource.url", POSTGRES);

    assertThatThrownBy(() -> new ProductionCredentialsGuard().postProcessEnvironment(environment, new SpringApplication()))
        .hasMessageContaining("Leadflow on jdbc:postgresql (not the embedded H2 database)")
        .hasMessageContaining("refuses to start without an administrator password")
        .hasMessageNotContaining("127.0.0.1");
  }

  @Test
  void postgresqlWithAnAdministratorPasswordButTheDevelopmentTrackingSecretIsRefused() {
    MockEnvironment environment = applicationYmlDefaults()
        .withProperty("spring.datasource.url", POSTGRES)
        .withProperty("camunda.bpm.admin-user.password", "s3cret-from-the-vault");

    assertThatThrownBy(() -> new ProductionCredentialsGuard().postProcessEnvironment(environment, new SpringApplication()))
        .hasMessageContaining("refuses to start without a tracking secret of its own");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      the embedded run's file (application.yml)        | jdbc:h2:file:./data/leadflow;DB_CLOSE_ON_EXIT=FALSE
      the test suite's memory (application-test.yml)    | jdbc:h2:mem:leadflow-test;DB_CLOSE_DELAY=-1
      a bare H2 path                                    | jdbc:h2:./data/leadflow
      """)
  void theEmbeddedH2DatabaseAcceptsTheDevelopmentDefaultsAndHasTheDemo(String why, String url) {
    MockEnvironment environment = applicationYmlDefaults().withProperty("spring.datasource.url", url);

    assertThatCode(() -> new ProductionCredentialsGuard().postProcessEnvironment(environment, new SpringApplication()))
        .doesNotThrowAnyException();
    assertThat(environment.getProperty("leadflow.demo.enabled", Boolean.class)).isTrue();
  }

  @Test
  void noUrlAtAllIsSpringBootsEmbeddedDatabase() {
    MockEnvironment environment = applicationYmlDefaults();

    assertThatCode(() -> new ProductionCredentialsGuard().postProcessEnvironment(environment, new SpringApplication()))
        .doesNotThrowAnyException();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "jdbc:postgresql://db:5432/leadflow",
      "jdbc:h2:tcp://db:9092/leadflow",
      "jdbc:h2:ssl://db/leadflow",
      "jdbc:mysql://db/leadflow"})
  void everyOtherDatabaseIsProduction(String url) {
    assertThat(ProductionCredentialsGuard.isEmbeddedDatabase(url)).isFalse();
    MockEnvironment environment = applicationYmlDefaults().withProperty("spring.datasource.url", url);
    assertThatThrownBy(() -> new ProductionCredentialsGuard().postProcessEnvironment(environment, new SpringApplication()))
        .hasMessageContaining("refuses to start");
  }

  @Test
  void demoUsersAndLeadsAreOffByDefaultOnPostgresqlAndOnOnlyWhenSwitchedOnExplicitly() {
    MockEnvironment byDefault = productionWithATrackingSecret();
    MockEnvironment switchedOn = productionWithATrackingSecret().withProperty("leadflow.demo.enabled", "true");

    new ProductionCredentialsGuard().postProcessEnvironment(byDefault, new SpringApplication());
    new ProductionCredentialsGuard().postProcessEnvironment(switchedOn, new SpringApplication());

    assertThat(byDefault.getProperty("leadflow.demo.enabled", Boolean.class)).isFalse();
    assertThat(switchedOn.getProperty("leadflow.demo.enabled", Boolean.class)).isTrue();
  }

  /** CI runs the test profile against PostgreSQL: it opts in with credentials of its own and the demo switch. */
  @Test
  void theTestProfileOptsInExplicitlyAndPassesOnPostgresql() {
    MockEnvironment environment = applicationYmlDefaults().withProperty("spring.datasource.url", POSTGRES);
    YamlPropertiesFactoryBean test = new YamlPropertiesFactoryBean();
    test.setResources(new ClassPathResource("application-test.yml"));
    test.getObject().forEach((key, value) -> environment.setProperty((String) key, String.valueOf(value)));
    environment.setProperty("spring.datasource.url", POSTGRES);

    assertThatCode(() -> new ProductionCredentialsGuard().postProcessEnvironment(environment, new SpringApplication()))
        .doesNotThrowAnyException();
    assertThat(environment.getProperty("leadflow.demo.enabled", Boolean.class)).isTrue();
  }

  private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/leadflow";

  /** What application.yml gives when nothing is set: admin/admin and the public tracking secret. */
  private static MockEnvironment applicationYmlDefaults() {
    return new MockEnvironment()
        .withProperty("camunda.bpm.admin-user.id", "admin")
        .withProperty("camunda.bpm.admin-user.password", "admin")
        .withProperty("leadflow.tracking.secret", ProductionCredentialsGuard.DEVELOPMENT_TRACKING_SECRET);
  }

  /** PostgreSQL with a good administrator password, no tracking secret (no profile: the database says what the run is). */
  private static MockEnvironment production() {
    return new MockEnvironment()
        .withProperty("spring.datasource.url", POSTGRES)
        .withProperty("camunda.bpm.admin-user.id", "admin")
        .withProperty("camunda.bpm.admin-user.password", "s3cret-from-the-vault");
  }

  private static MockEnvironment productionWithATrackingSecret() {
    return production().withProperty("leadflow.tracking.secret", "q6Zp1m4WvT0yqR9s2LbX8kNf3HcJ7uAe5GdYwVtPo0I=");
  }
}
