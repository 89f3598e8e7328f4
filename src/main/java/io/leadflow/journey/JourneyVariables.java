package io.leadflow.journey;

import io.leadflow.lead.Lead;
import java.util.HashMap;
import java.util.Map;

/**
 * The variables a manager sees on a journey in Cockpit and can search by. Ids and plain values
 * only (no entities); personal data stays in our tables.
 */
public final class JourneyVariables {

  public static final String LEAD_ID = "leadId";
  public static final String COMPANY = "company";
  public static final String CAMPAIGN = "campaign";
  public static final String STAGE = "stage";
  public static final String STATUS = "status";
  public static final String SCORE = "score";
  public static final String RATING = "rating";
  /** Sends so far (the welcome included). */
  public static final String SENDS_SO_FAR = "sendsSoFar";
  /** The id of the last content sent. */
  public static final String LAST_CONTENT = "lastContent";
  public static final String LAST_SENT_AT = "lastSentAt";
  /** Whether the last "Send next content" found content for the stage. */
  public static final String CONTENT_LEFT = "contentLeft";

  private JourneyVariables() {}

  static Map<String, Object> of(Lead lead) {
    Map<String, Object> variables = state(lead);
    variables.put(LEAD_ID, lead.getId());
    variables.put(COMPANY, lead.getCompany());
    variables.put(CAMPAIGN, lead.getCampaign());
    variables.put(SENDS_SO_FAR, 0);
    return variables;
  }

  /** What changes as the lead is scored. */
  static Map<String, Object> state(Lead lead) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(STAGE, lead.getStage().name());
    variables.put(STATUS, lead.getStatus().name());
    variables.put(SCORE, lead.getScore());
    variables.put(RATING, lead.getRating());
    return variables;
  }
}
