package io.leadflow.sales;

import io.leadflow.LeadflowProperties;
import io.leadflow.lead.Lead;
import io.leadflow.decision.DecisionOutcome;
import io.leadflow.decision.DeployedDecisions;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;

/**
 * Which team and rep a qualified lead goes to. The team (and sometimes a named rep) comes from the
 * {@code sales-routing} decision, which designers change in Camunda Modeler. When the rule names
 * no rep, or names one who is not (or no longer) in the team, the lead goes to the team member
 * with the fewest open sales tasks ({@code sales-handoff} and {@code phone-a-lead}), then the one
 * who has received the fewest hand-offs so far (as long as task history is kept), then by user
 * id: leads are shared fairly.
 *
 * <p>Two hand-offs routed at the same moment in two transactions see the same loads and may pick
 * the same rep; the next one evens it out.
 */
@Service
public class SalesRouting {

  /** The decision that picks the team. */
  public static final String DECISION = "sales-routing";

  private final DeployedDecisions decisions;
  private final IdentityService identity;
  private final TaskService tasks;
  private final HistoryService history;
  private final Set<String> teams;

  SalesRouting(DeployedDecisions decisions, IdentityService identity, TaskService tasks, HistoryService history,
      LeadflowProperties properties) {
    this.decisions = decisions;
    this.identity = identity;
    this.tasks = tasks;
    this.history = history;
    this.teams = properties.sales().teams().keySet();
  }

  /**
   * The team and rep for this lead.
   *
   * @throws IllegalStateException when the deployed decision gives no team, or one that is not a
   *     configured sales team (a modelling error: the hand-off becomes an incident in Cockpit)
   */
  public Assignment route(Lead lead) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("country", lead.getCountry());
    variables.put("industry", blankToNull(lead.getIndustry()));
    variables.put("companySize", lead.getCompanySize());
    DecisionOutcome outcome = decisions.evaluate(DECISION, variables);

    DecisionOutcome.MatchedRule rule = outcome.matchedRules().stream()
        .filter(matched -> DECISION.equals(matched.decisionKey()))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException(
            "No rule of " + DECISION + " (version " + outcome.version() + ") matched lead " + lead.getId()
                + ": the table needs a catch-all rule"));
    String team = (String) outcome.result().get("team");
    if (team == null || !teams.contains(team)) {
      throw new IllegalStateException(rule.ruleId() + " of " + DECISION + " (version " + outcome.version()
          + ") routes to '" + team + "', which is not a sales team " + teams);
    }
    String why = rule.annotation() == null ? rule.ruleId() : rule.annotation();

    String named = blankToNull((String) outcome.result().get("rep"));
    if (named != null && isMember(named, team)) {
      return new Assignment(team, named, rule.ruleId(), why + "; " + named + " is named by the rule");
    }
    String fallback = named == null ? "" : "; " + named + " (named by the rule) is not in " + team;
    return leastLoaded(team)
        .map(load -> new Assignment(team, load.userId(), rule.ruleId(), why + fallback + "; " + load.userId()
            + " has the fewest open sales tasks in " + team + " (" + load.openTasks() + ", "
            + load.handOffsReceived() + " hand-offs received)"))
        .orElseGet(() -> new Assignment(team, null, rule.ruleId(), why + fallback + "; " + team
            + " has no members: the task waits for the team"));
  }

  private boolean isMember(String userId, String team) {
    return identity.createUserQuery().userId(userId).memberOfGroup(team).count() > 0;
  }

  private Optional<Load> leastLoaded(String team) {
    List<User> members = identity.createUserQuery().memberOfGroup(team).list();
    return members.stream()
        .map(member -> new Load(member.getId(), openTasks(member.getId()), handOffsReceived(member.getId())))
        .min(Comparator.comparingLong(Load::openTasks)
            .thenComparingLong(Load::handOffsReceived)
            .thenComparing(Load::userId));
  }

  private long openTasks(String userId) {
    return tasks.createTaskQuery().taskAssignee(userId).processDefinitionKeyIn(SalesHandoffProcess.KEY, PhoneALeadProcess.KEY).count();
  }

  private long handOffsReceived(String userId) {
    return history.createHistoricTaskInstanceQuery().taskAssignee(userId).processDefinitionKey(SalesHandoffProcess.KEY).count();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  private record Load(String userId, long openTasks, long handOffsReceived) {}
}
