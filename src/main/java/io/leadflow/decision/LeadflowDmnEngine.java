package io.leadflow.decision;

import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;

/**
 * How the DMN engine of Leadflow's decisions is configured: Camunda's defaults, with a FEEL engine
 * that does not parse the same expression again on every evaluation ({@link CachingFeelEngine}).
 * {@link DeployedDecisions} builds its engine from this, and so do the rule-by-rule DMN tests, so
 * they test the engine production uses.
 */
public final class LeadflowDmnEngine {

  private LeadflowDmnEngine() {}

  /** A new configuration, to add listeners to and build an engine from. */
  public static DefaultDmnEngineConfiguration configuration() {
    DefaultDmnEngineConfiguration configuration =
        (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    // the custom function providers are read when the engine is built, as Camunda's default factory does
    return configuration.feelEngineFactory(
        () -> new CachingFeelEngine(configuration.getFeelCustomFunctionProviders()));
  }
}
