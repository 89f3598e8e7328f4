package io.leadflow.journey;

import static io.leadflow.journey.LeadNurturingProcess.Variables.CAMPAIGN;
import static io.leadflow.journey.LeadNurturingProcess.Variables.COMPANY;
import static io.leadflow.journey.LeadNurturingProcess.Variables.LEAD_ID;
import static io.leadflow.journey.LeadNurturingProcess.Variables.OPT_IN_REQUIRED;
import static io.leadflow.journey.LeadNurturingProcess.Variables.RATING;
import static io.leadflow.journey.LeadNurturingProcess.Variables.SCORE;
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

  /** A new journey's variables. */
  static Map<String, Object> of(Lead lead) {
    Map<String, Object> variables = state(lead);
    variables.put(LEAD_ID, lead.getId());
    variables.put(COMPANY, lead.getCompany());
    variables.put(CAMPAIGN, lead.getCampaign());
    variables.put(SENDS_SO_FAR, 0);
    variables.put(WELCOME_DUE, true);
    variables.put(OPT_IN_REQUIRED, lead.awaitsOptIn());
    return variables;
  }

  /** What changes as the lead moves: stage, status, score, rating. */
  static Map<String, Object> state(Lead lead) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(STAGE, lead.getStage().name());
    variables.put(STATUS, lead.getStatus().name());
    variables.put(SCORE, lead.getScore());
    variables.put(RATING, lead.getRating());
    return variables;
  }
}
