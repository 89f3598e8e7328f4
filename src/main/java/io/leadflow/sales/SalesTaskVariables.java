package io.leadflow.sales;

import io.leadflow.lead.Lead;
import java.util.HashMap;
import java.util.Map;

/**
 * What every sales task (follow-up, call) shows about its lead and who it is for: the same names
 * in the task's name, its forms and the routing ({@code team}, {@code rep}).
 */
final class SalesTaskVariables {

  private SalesTaskVariables() {}

  static Map<String, Object> of(Lead lead, Assignment assignment) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("leadId", lead.getId());
    variables.put("leadName", lead.displayName());
    variables.put("company", lead.getCompany() == null ? "no company given" : lead.getCompany());
    variables.put("leadEmail", lead.getEmail());
    variables.put("leadPhone", lead.getPhone() == null ? "no phone number given" : lead.getPhone());
    variables.put("team", assignment.team());
    variables.put("rep", assignment.rep());
    variables.put("routedBecause", assignment.reason());
    return variables;
  }
}
