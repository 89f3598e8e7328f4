package io.leadflow.scoring;

import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;

/**
 * How the scoring decisions' DMN engine is configured: Camunda's defaults, with a FEEL engine
 * that does not parse the same expression again on every evaluation ({@link CachingFeelEngine}).
 * {@link ScoringDecisions} builds its engine from this, and so do the rule-by-rule DMN tests, so
 * they test the engine production uses.
 */
public final class ScoringDmnEngine {

  private ScoringDmnEngine() {}

  /** A new configuration, to add listeners to and build an engine from. */
  public static DefaultDmnEngineConfiguration configuration() {
    DefaultDmnEngineConfiguration configuration =
        (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    // the custom function providers are read when the engine is built, as Camunda's default factory does
    return configuration.feelEngineFactory(
        () -> new CachingFeelEngine(configuration.getFeelCustomFunctionProviders()));
  }
}
