package io.leadflow.scoring;

import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;

/**
 * How the scoring decisions' DMN engine is configured. {@link ScoringDecisions} builds its engine
 * from this, and so do the rule-by-rule DMN tests, so they test the engine production uses.
 */
public final class ScoringDmnEngine {

  private ScoringDmnEngine() {}

  /** A new configuration, to add listeners to and build an engine from. */
  public static DefaultDmnEngineConfiguration configuration() {
    return (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
  }
}
