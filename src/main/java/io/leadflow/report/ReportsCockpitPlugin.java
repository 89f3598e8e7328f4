package io.leadflow.report;

import java.util.Set;
import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;

/**
 * The reports on Cockpit's dashboard (plugin point {@code cockpit.dashboard}): its script is
 * {@code plugin-webapp/leadflow-reports/app/plugin.js}, its data comes from {@link ReportsCockpitRootResource}
 * (the Cockpit session's login, no second password). Found by Cockpit through
 * {@code META-INF/services/org.camunda.bpm.cockpit.plugin.spi.CockpitPlugin}.
 */
public class ReportsCockpitPlugin extends AbstractCockpitPlugin {

  public static final String ID = "leadflow-reports";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public Set<Class<?>> getResourceClasses() {
    return Set.of(ReportsCockpitRootResource.class);
  }
}
