package io.leadflow.sales;

import io.leadflow.lead.Lead;
import java.util.HashMap;
import java.util.Map;

/**
 * What every sales task (a follow-up of {@link SalesHandoffProcess}, a call of {@link
 * PhoneALeadProcess}) shows about its lead and who it is for: the same names in the task's name,
 * its forms and the routing.
 */
public final class SalesTaskVariables {

  public static final String LEAD_ID = "leadId";
  public static final String LEAD_NAME = "leadName";
  public static final String COMPANY = "company";
  public static final String LEAD_EMAIL = "leadEmail";
  public static final String LEAD_PHONE = "leadPhone";
  /** The team's Camunda group: the task's candidate group. */
  public static final String TEAM = "team";
  /** The rep the task is assigned to (null: the team claims it). */
  public static final String REP = "rep";
  public static final String ROUTED_BECAUSE = "routedBecause";

  private SalesTaskVariables() {}

  static Map<String, Object> of(Lead lead, Assignment assignment) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(LEAD_ID, lead.getId());
    variables.put(LEAD_NAME, lead.displayName());
    variables.put(COMPANY, lead.getCompany() == null ? "no company given" : lead.getCompany());
    variables.put(LEAD_EMAIL, lead.getEmail());
    variables.put(LEAD_PHONE, lead.getPhone() == null ? "no phone number given" : lead.getPhone());
    variables.put(TEAM, assignment.team());
    variables.put(REP, assignment.rep());
    variables.put(ROUTED_BECAUSE, assignment.reason());
    return variables;
  }
}
