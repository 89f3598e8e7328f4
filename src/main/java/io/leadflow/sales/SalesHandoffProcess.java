package io.leadflow.sales;

/**
 * The contract of {@code bpmn/sales-handoff.bpmn}: a lead ready for sales is routed to a team and
 * a rep who follows it up in Tasklist. Started by the message {@link Messages#LEAD_READY_FOR_SALES}
 * with the lead's id as business key; at most one runs per lead.
 */
public final class SalesHandoffProcess {

  public static final String KEY = "sales-handoff";

  private SalesHandoffProcess() {}

  public static final class Elements {
    public static final String START = "StartEvent_LeadReadyForSales";
    public static final String ROUTE_TO_SALES = "Activity_RouteToSales";
    public static final String FOLLOW_UP = "Activity_FollowUp";
    public static final String HAND_TO_CRM = "Activity_HandToCrm";
    public static final String RECORD_SALE = "Activity_RecordSale";
    public static final String RETURN_TO_NURTURING = "Activity_ReturnToNurturing";
    public static final String DISQUALIFY = "Activity_Disqualify";
    public static final String FOLLOW_UP_DUE = "Event_FollowUpDue";
    public static final String STILL_UNTOUCHED = "Event_StillUntouched";
    public static final String NOTIFY_MANAGERS = "Activity_NotifyManagers";
    public static final String LEAD_NOT_PICKED_UP = "Activity_LeadNotPickedUp";
    public static final String RETURN_TO_TEAM = "Activity_ReturnToTeam";
    public static final String GATEWAY_OUTCOME = "Gateway_Outcome";
    public static final String END_OPPORTUNITY = "EndEvent_Opportunity";
    public static final String END_WON = "EndEvent_Won";
    public static final String END_NOT_READY = "EndEvent_NotReady";
    public static final String END_DISQUALIFIED = "EndEvent_Disqualified";
    public static final String END_MANAGERS_TOLD = "EndEvent_ManagersTold";
    public static final String END_BACK_WITH_TEAM = "EndEvent_BackWithTeam";

    private Elements() {}
  }

  /** The beans the model's expressions name (delegate expressions, the task listener, the escalation helper). */
  public static final class Beans {
    public static final String ROUTE_TO_SALES = "routeToSales";
    public static final String CHECK_FOLLOW_UP_OUTCOME = "checkFollowUpOutcome";
    /** The follow-up's assignment and complete listener: its first action by a person (speed to lead). */
    public static final String FOLLOW_UP_TOUCHED = "followUpTouched";
    public static final String HAND_TO_CRM = "handToCrm";
    public static final String RECORD_SALE = "recordSale";
    public static final String RETURN_TO_NURTURING = "returnToNurturing";
    public static final String DISQUALIFY_LEAD = "disqualifyLead";
    public static final String NOTIFY_MANAGERS = "notifyManagers";
    public static final String RETURN_TO_TEAM = "returnToTeam";
    /** {@code ${escalation.reassignAt(followUpDue)}}: when an untouched follow-up goes back to the team. */
    public static final String ESCALATION = "escalation";

    private Beans() {}
  }

  public static final class Messages {
    /** Starts a hand-off: the lead became marketing- or sales-qualified. */
    public static final String LEAD_READY_FOR_SALES = "LeadReadyForSales";

    private Messages() {}
  }

  /** Variables: those of every sales task ({@link SalesTaskVariables}), and the follow-up's own. */
  public static final class Variables {
    public static final String LEAD_ID = SalesTaskVariables.LEAD_ID;
    public static final String FOLLOW_UP_DUE = "followUpDue";
    public static final String LEAD_PROFILE = "leadProfile";
    public static final String SCORES = "scores";
    public static final String WHY_QUALIFIED = "whyQualified";
    public static final String LAST_INTERACTIONS = "lastInteractions";
    public static final String CONTENT_SENT = "contentSent";
    /** The follow-up form's outcome: one of {@link Outcomes}. */
    public static final String OUTCOME = "outcome";
    /** Why not ready (required with NOT_READY). */
    public static final String REASON = "reason";
    /** Not ready: not handed over again before this day (optional, yyyy-MM-dd). */
    public static final String NOT_BEFORE = "notBefore";
    /** Won: what the deal is worth (optional, a number) and its currency (ISO 4217, required with an amount). */
    public static final String DEAL_AMOUNT = "dealAmount";
    public static final String DEAL_CURRENCY = "dealCurrency";
    /** Why disqualified (required with DISQUALIFIED). */
    public static final String DISQUALIFIED_BECAUSE = "disqualifiedBecause";

    private Variables() {}
  }

  /** The follow-up's outcomes, as the form offers them. */
  public static final class Outcomes {
    public static final String OPPORTUNITY = "OPPORTUNITY";
    public static final String WON = "WON";
    public static final String NOT_READY = "NOT_READY";
    public static final String DISQUALIFIED = "DISQUALIFIED";

    private Outcomes() {}
  }
}
