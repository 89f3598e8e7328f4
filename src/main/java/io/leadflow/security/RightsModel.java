package io.leadflow.security;

import static io.leadflow.security.LeadflowGroups.INTEGRATION;
import static io.leadflow.security.LeadflowGroups.MANAGERS;
import static io.leadflow.security.LeadflowGroups.MARKETING;
import static io.leadflow.security.LeadflowGroups.SALES;
import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.ALL;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;
import static org.camunda.bpm.engine.authorization.Resources.BATCH;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_REQUIREMENTS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DEPLOYMENT;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.TASK;

import io.leadflow.LeadflowProperties;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Leadflow's groups and what each may do in the engine and its webapps. Created when missing at
 * start-up; an authorization that exists is left as an administrator may have changed it in Admin.
 * Sales reps see tasks through their teams: the engine gives a task's candidate groups the
 * default task permission on it. A feature that offers its own processes to people grants their
 * start rights itself (sales: "Phone a lead"), after this (order 1).
 */
@Component
public class RightsModel {

  private static final String COCKPIT = "cockpit";
  private static final String TASKLIST = "tasklist";

  private final IdentityService identity;
  private final Grants grants;
  private final Map<String, String> salesTeams;

  RightsModel(IdentityService identity, Grants grants, LeadflowProperties properties) {
    this.identity = identity;
    this.grants = grants;
    this.salesTeams = properties.sales().teams();
  }

  @EventListener(ApplicationStartedEvent.class)
  @Order(1)
  public void ensure() {
    group(MARKETING, "Marketing");
    group(SALES, "Sales");
    group(MANAGERS, "Managers");
    group(INTEGRATION, "Integrations");
    salesTeams.forEach(this::group);

    grant(MARKETING, APPLICATION, COCKPIT, ACCESS);
    grant(MARKETING, APPLICATION, TASKLIST, ACCESS);
    grant(MARKETING, DEPLOYMENT, ANY, ALL);
    grant(MARKETING, PROCESS_DEFINITION, ANY, ALL);
    grant(MARKETING, PROCESS_INSTANCE, ANY, ALL);
    grant(MARKETING, DECISION_DEFINITION, ANY, ALL);
    grant(MARKETING, DECISION_REQUIREMENTS_DEFINITION, ANY, ALL);
    grant(MARKETING, BATCH, ANY, ALL);
    grant(MARKETING, TASK, ANY, READ);

    grant(MANAGERS, APPLICATION, COCKPIT, ACCESS);
    grant(MANAGERS, APPLICATION, TASKLIST, ACCESS);
    grant(MANAGERS, DEPLOYMENT, ANY, READ);
    grant(MANAGERS, PROCESS_DEFINITION, ANY, READ, READ_HISTORY);
    grant(MANAGERS, PROCESS_INSTANCE, ANY, READ);
    grant(MANAGERS, DECISION_DEFINITION, ANY, READ, READ_HISTORY);
    grant(MANAGERS, DECISION_REQUIREMENTS_DEFINITION, ANY, READ);
    grant(MANAGERS, TASK, ANY, READ);

    grant(SALES, APPLICATION, TASKLIST, ACCESS);
    grant(SALES, PROCESS_DEFINITION, ANY, READ);
  }

  private void group(String id, String name) {
    if (identity.createGroupQuery().groupId(id).count() == 0) {
      Group group = identity.newGroup(id);
      group.setName(name);
      group.setType("WORKFLOW");
      identity.saveGroup(group);
    }
  }

  private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    grants.ensure(groupId, resource, resourceId, permissions);
  }
}
