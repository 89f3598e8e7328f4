package io.leadflow.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Our migrations build the same working schema on both databases Leadflow runs on: H2 (the
 * embedded run) and PostgreSQL (production and CI). PostgreSQL is the one SPRING_DATASOURCE_URL
 * names (as in CI), or the machine's local server; without one that test is skipped.
 */
class FlywaySchemaTest {

  @Test
  void theMigrationsBuildAWorkingSchemaOnAFreshH2Database() {
    String url = "jdbc:h2:mem:flyway-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    SingleConnectionDataSource h2 = new SingleConnectionDataSource(url, "sa", "", true);
    try {
      migrateAndCheck(h2, null);
    } finally {
      h2.destroy();
    }
  }

  @Test
  void theMigrationsBuildAWorkingSchemaOnAFreshPostgresSchema() throws SQLException {
    String configured = System.getenv("SPRING_DATASOURCE_URL");
    boolean usesPostgres = configured != null && configured.startsWith("jdbc:postgresql:");
    String url = usesPostgres ? configured : "jdbc:postgresql://127.0.0.1:5432/postgres";
    String user = usesPostgres ? System.getenv().getOrDefault("SPRING_DATASOURCE_USERNAME", "postgres") : "postgres";
    String password = usesPostgres ? System.getenv().getOrDefault("SPRING_DATASOURCE_PASSWORD", "") : "";
    assumeTrue(reachable(url, user, password), "No PostgreSQL at " + url + ": the PostgreSQL schema test is skipped");

    String schema = "flyway_check_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    SingleConnectionDataSource postgres = new SingleConnectionDataSource(url, user, password, true);
    try {
      new JdbcTemplate(postgres).execute("create schema " + schema);
      migrateAndCheck(postgres, schema);
    } finally {
      new JdbcTemplate(postgres).execute("drop schema if exists " + schema + " cascade");
      postgres.destroy();
    }
  }

  private static void migrateAndCheck(DataSource dataSource, String schema) {
    var config = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration");
    if (schema != null) {
      config.schemas(schema).defaultSchema(schema);
    }
    Flyway flyway = config.load();

    MigrateResult result = flyway.migrate();

    assertThat(result.success).isTrue();
    assertThat(result.migrationsExecuted).isGreaterThanOrEqualTo(1);
    flyway.validate();
    assertThat(flyway.migrate().migrationsExecuted).as("a second run has nothing to do").isZero();

    JdbcTemplate sql = new JdbcTemplate(dataSource);
    String leads = schema == null ? "leads" : schema + ".leads";
    String captures = schema == null ? "lead_captures" : schema + ".lead_captures";
    sql.update("insert into " + leads + " (id, email, status, stage, created_at, updated_at) "
        + "values ('l1', 'ann@example.com', 'NURTURING', 'TOFU', current_timestamp, current_timestamp)");
    assertThat(sql.queryForObject("select score from " + leads + " where id = 'l1'", Integer.class))
        .as("a new lead's score defaults to 0").isZero();
    assertThatThrownBy(() -> sql.update("insert into " + leads + " (id, email, status, stage, created_at, updated_at) "
        + "values ('l2', 'ann@example.com', 'NURTURING', 'TOFU', current_timestamp, current_timestamp)"))
        .as("one lead per email").isInstanceOf(DataIntegrityViolationException.class);
    assertThatThrownBy(() -> sql.update("insert into " + captures + " (id, lead_id, captured_at, channel, new_lead) "
        + "values ('c1', 'no-such-lead', current_timestamp, 'API', true)"))
        .as("a capture belongs to a lead").isInstanceOf(DataIntegrityViolationException.class);
  }

  private static boolean reachable(String url, String user, String password) {
    try (Connection ignored = DriverManager.getConnection(url, user, password)) {
      return true;
    } catch (SQLException e) {
      return false;
    }
  }
}
