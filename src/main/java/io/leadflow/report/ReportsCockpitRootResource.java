package io.leadflow.report;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;

/** {@code /camunda/api/cockpit/plugin/leadflow-reports/{engine}/reports}: the dashboard's data; also serves plugin.js. */
@Path("plugin/" + ReportsCockpitPlugin.ID)
public class ReportsCockpitRootResource extends AbstractCockpitPluginRootResource {

  public ReportsCockpitRootResource() {
    super(ReportsCockpitPlugin.ID);
  }

  @Path("{engineName}/reports")
  public ReportsCockpitResource reports(@PathParam("engineName") String engineName) {
    return subResource(new ReportsCockpitResource(engineName, servletContext), engineName);
  }
}
