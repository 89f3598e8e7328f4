package io.leadflow.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;

/**
 * The scoring decisions (fit, engagement, qualification with its rating) on Camunda's DMN engine as
 * it comes, with its default FEEL engine: the comparison that says whether {@code
 * CachingFeelEngine} still pays (docs/benchmark.md).
 */
final class DefaultEngineScoring {

  private final DmnEngine engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  private final Map<String, DmnDecision> decisions = new HashMap<>();

  DefaultEngineScoring(Path models) {
    for (String file : List.of("fit-score.dmn", "engagement-score.dmn", "lead-qualification.dmn")) {
      try (InputStream in = Files.newInputStream(models.resolve(file))) {
        engine.parseDecisions(in).forEach(decision -> decisions.put(decision.getKey(), decision));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** The feel-engine on the class path, from its Maven metadata (the shaded jar has no manifest version). */
  static String feelEngineVersion() {
    try (InputStream in = org.camunda.feel.FeelEngine.class.getResourceAsStream(
        "/META-INF/maven/org.camunda.feel/feel-engine/pom.properties")) {
      java.util.Properties pom = new java.util.Properties();
      if (in != null) {
        pom.load(in);
      }
      return pom.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  void score(Map<String, Object> fit, Map<String, Object> engagement, Map<String, Object> qualification) {
    engine.evaluateDecision(decisions.get("fit-score"), fit);
    engine.evaluateDecision(decisions.get("engagement-score"), engagement);
    engine.evaluateDecision(decisions.get("lead-qualification"), qualification);
  }
}
