package io.leadflow.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A fresh PostgreSQL database for each benchmark run, so every run starts from the same empty
 * state. Created through the server's maintenance database ({@code benchmark.postgres-url}, by
 * default the machine's PostgreSQL with trust authentication, as on the CI machine).
 */
final class BenchmarkDatabase {

  static final String SERVER = System.getProperty("benchmark.postgres-url", "jdbc:postgresql://127.0.0.1:5432/");
  static final String USER = System.getProperty("benchmark.postgres-user", "postgres");
  static final String PASSWORD = System.getProperty("benchmark.postgres-password", "");
  static final String NAME = System.getProperty("benchmark.database", "leadflow_benchmark");

  private BenchmarkDatabase() {}

  static String createFresh() {
    try (Connection connection = DriverManager.getConnection(SERVER + "postgres", USER, PASSWORD);
        Statement statement = connection.createStatement()) {
      statement.execute("drop database if exists " + NAME + " with (force)");
      statement.execute("create database " + NAME);
    } catch (SQLException e) {
      throw new IllegalStateException("The benchmark needs PostgreSQL at " + SERVER
          + " (user " + USER + "): start it, or set -Dbenchmark.postgres-url=jdbc:postgresql://host:port/", e);
    }
    return SERVER + NAME;
  }
}
