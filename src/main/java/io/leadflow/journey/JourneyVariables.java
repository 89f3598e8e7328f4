package io.leadflow.journey;

import static io.leadflow.journey.LeadNurturingProcess.Variables.OPT_IN_REQUIRED;
import static io.leadflow.journey.LeadNurturingProcess.Variables.SENDS_SO_FAR;
import static io.leadflow.journey.LeadNurturingProcess.Variables.STAGE;
import static io.leadflow.journey.LeadNurturingProcess.Variables.STATUS;
import static io.leadflow.journey.LeadNurturingProcess.Variables.WELCOME_DUE;

import io.leadflow.lead.Lead;
import java.util.HashMap;
import java.util.Map;

/** The values of a journey's variables ({@link LeadNurturingProcess.Variables}) for a lead. */
final class JourneyVariables {

  private JourneyVariables() {}

  /** A new journey's variables (its business key is the lead's id). */
  static Map<String, Object> of(Lead lead) {
    Map<String, Object> variables = state(lead);
    variables.put(SENDS_SO_FAR, 0);
    variables.put(WELCOME_DUE, true);
    if (lead.awaitsOptIn()) {
      variables.put(OPT_IN_REQUIRED, true);
    }
    return variables;
  }

  /**
   * What changes as the lead moves and the model branches on: stage and status. The score, rating,
   * company and campaign stay in Leadflow's tables (a variable is a row and an index entry of the
   * engine per journey: docs/benchmark.md, footprint).
   */
  static Map<String, Object> state(Lead lead) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(STAGE, lead.getStage().name());
    variables.put(STATUS, lead.getStatus().name());
    return variables;
  }
}
