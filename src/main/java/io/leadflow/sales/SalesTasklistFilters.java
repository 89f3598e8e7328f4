package io.leadflow.sales;

import static io.leadflow.security.LeadflowGroups.MANAGERS;
import static io.leadflow.security.LeadflowGroups.MARKETING;
import static io.leadflow.security.LeadflowGroups.SALES;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Resources.FILTER;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;

import io.leadflow.security.Grants;
import org.camunda.bpm.engine.authorization.Authorization;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Sales in Tasklist: the right to start "Phone a lead" for marketing and sales, and the shared
 * filters of sales, created at start-up when missing (found by name) and
 * readable by sales, managers and marketing. A filter that exists is left as an administrator
 * may have changed it in Tasklist or Admin. What a user sees through a filter is still limited by
 * the task authorizations: a rep sees the tasks of its teams (and those assigned to it).
 */
@Component
public class SalesTasklistFilters {

  /** Hand-offs offered to the user's teams, claimed or not. */
  public static final String MY_TEAMS_LEADS = "My team's leads";
  /** "Phone a lead" tasks of the user's teams. */
  public static final String CALLS_TO_MAKE = "Calls to make";
  /** Hand-offs past their due date. */
  public static final String OVERDUE_FOLLOW_UPS = "Overdue follow-ups";

  private static final String CURRENT_USER_GROUPS = "${currentUserGroups()}";
  private static final List<String> READERS = List.of(SALES, MANAGERS, MARKETING);

  private final FilterService filters;
  private final TaskService tasks;
  private final Grants grants;

  SalesTasklistFilters(FilterService filters, TaskService tasks, Grants grants) {
    this.filters = filters;
    this.tasks = tasks;
    this.grants = grants;
  }

  /** After {@code RightsModel} (order 1), which makes the groups. */
  @EventListener(ApplicationStartedEvent.class)
  @Order(3)
  public void ensure() {
    // anyone in marketing or sales may decide to simply phone a lead: "Phone a lead" from Tasklist
    for (String caller : List.of(MARKETING, SALES)) {
      grants.ensure(caller, PROCESS_DEFINITION, PhoneALeadProcess.KEY, READ, CREATE_INSTANCE);
      grants.ensure(caller, PROCESS_INSTANCE, Authorization.ANY, CREATE);
    }
    ensure(MY_TEAMS_LEADS, -10, "Qualified leads handed to your teams: claim one and call",
        tasks.createTaskQuery()
            .processDefinitionKey(SalesHandoffProcess.KEY)
            .taskCandidateGroupInExpression(CURRENT_USER_GROUPS)
            .includeAssignedTasks()
            .orderByTaskCreateTime().asc());
    ensure(CALLS_TO_MAKE, -9, "Leads someone decided to simply phone, for your teams",
        tasks.createTaskQuery()
            .processDefinitionKey(PhoneALeadProcess.KEY)
            .taskCandidateGroupInExpression(CURRENT_USER_GROUPS)
            .includeAssignedTasks()
            .orderByTaskCreateTime().asc());
    ensure(OVERDUE_FOLLOW_UPS, -8, "Hand-offs past their due date, oldest first",
        tasks.createTaskQuery()
            .processDefinitionKey(SalesHandoffProcess.KEY)
            .dueBeforeExpression("${now()}")
            .orderByDueDate().asc());
  }

  private void ensure(String name, int priority, String description, TaskQuery query) {
    List<Filter> existing = filters.createFilterQuery().filterResourceType(EntityTypes.TASK).filterName(name).list();
    Filter filter = existing.isEmpty() ? null : existing.get(0);
    if (filter == null) {
      Map<String, Object> properties = new LinkedHashMap<>();
      properties.put("description", description);
      properties.put("priority", priority);
      properties.put("refresh", true);
      filter = filters.newTaskFilter(name).setQuery(query).setProperties(properties);
      filters.saveFilter(filter);
    }
    for (String group : READERS) {
      grants.ensure(group, FILTER, filter.getId(), READ);
    }
  }
}
