package io.leadflow.report;

import io.leadflow.security.LeadflowGroups;
import jakarta.servlet.ServletContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginResource;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * The reports for the Cockpit dashboard, for the user logged into Cockpit: managers, marketing and
 * administrators (as {@code /api/reports}); anyone else gets 403 and the dashboard shows nothing.
 */
public class ReportsCockpitResource extends AbstractCockpitPluginResource {

  /** Who sees the figures. */
  static final List<String> READERS = List.of(LeadflowGroups.MANAGERS, LeadflowGroups.MARKETING, LeadflowGroups.ADMINS);

  private final ServletContext servletContext;

  public ReportsCockpitResource(String engineName, ServletContext servletContext) {
    super(engineName);
    this.servletContext = servletContext;
  }

  /** Every report over the last {@code days} days (default 90) up to today, in one JSON document. */
  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Response dashboard(@QueryParam("days") Integer days) {
    Authentication user = getCurrentAuthentication();
    if (user == null || user.getGroupIds() == null || user.getGroupIds().stream().noneMatch(READERS::contains)) {
      return Response.status(Response.Status.FORBIDDEN).build();
    }
    int span = days == null ? 90 : Math.max(1, Math.min(days, 366));
    CockpitReports reports = WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext).getBean(CockpitReports.class);
    return Response.ok(reports.dashboard(span), MediaType.APPLICATION_JSON).build();
  }
}
