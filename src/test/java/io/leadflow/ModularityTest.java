package io.leadflow;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Leadflow's features (the packages below {@code io.leadflow}: lead, scoring, journey, sales, ...)
 * talk to each other only through their public types, and no two of them depend on each other,
 * directly or around a cycle. Fails the build otherwise. Also draws the features and their
 * dependencies (PlantUML, target/spring-modulith-docs) for docs/architecture.md.
 */
class ModularityTest {

  static final ApplicationModules FEATURES = ApplicationModules.of(LeadflowApplication.class);

  @Test
  void featuresUseEachOtherOnlyThroughTheirDoorsAndWithoutCycles() {
    FEATURES.verify();
  }

  @Test
  void theFeaturesAreDrawn() {
    new Documenter(FEATURES).writeModulesAsPlantUml(Documenter.DiagramOptions.defaults()
        .withStyle(Documenter.DiagramOptions.DiagramStyle.UML));
  }
}
