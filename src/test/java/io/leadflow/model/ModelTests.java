package io.leadflow.model;

import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;

/**
 * The engine of the model-only tests (*ModelTest): a plain in-memory engine from
 * {@code model-tests.camunda.cfg.xml} (no Spring), whose path coverage is written to
 * {@code target/process-test-coverage/<test class>/} after each test class.
 *
 * <p>Register it first ({@code @Order(1)}) and {@link EveryEndEventReached} after it: JUnit runs
 * the "after test" callbacks in reverse order, so the end events are read from history before the
 * engine extension removes the test's deployment (and its history with it).
 */
public final class ModelTests {

  public static final String CONFIGURATION = "model-tests.camunda.cfg.xml";

  private ModelTests() {}

  /** The engine extension with coverage; fails the class when its flow node coverage is below {@code atLeast}. */
  public static ProcessEngineCoverageExtension engineWithCoverage(double atLeast) {
    return ProcessEngineCoverageExtension.builder(CONFIGURATION)
        .assertClassCoverageAtLeast(atLeast)
        .build();
  }
}
