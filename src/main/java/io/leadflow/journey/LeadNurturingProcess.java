package io.leadflow.journey;

/**
 * The contract of {@code bpmn/lead-nurturing.bpmn}, the lead's nurturing journey: its key, the
 * element ids, messages, error and variables that Java and tests name. Nothing else types them.
 * The business key of a journey is its lead's id.
 */
public final class LeadNurturingProcess {

  public static final String KEY = "lead-nurturing";

  private LeadNurturingProcess() {}

  /** Element ids (of those the code or tests refer to). */
  public static final class Elements {
    public static final String START = "StartEvent_LeadCaptured";
    public static final String NURTURING = "SubProcess_Nurturing";
    public static final String SEND_WELCOME = "Activity_SendWelcome";
    public static final String GATEWAY_ENTER_NURTURING = "Gateway_EnterNurturing";
    /** "Wait at the lead's stage": the next send (the stage's cadence) or a stage change, whichever comes first. */
    public static final String WAIT_FOR_NEXT_SEND = "Gateway_WaitForNextSend";
    /** "Next send due": its timer's job also sends. */
    public static final String NEXT_SEND_DUE = "Event_NextSendDue";
    public static final String STAGE_CHANGED = "Event_StageChanged";
    public static final String GATEWAY_READY_FOR_SALES = "Gateway_ReadyForSales";
    public static final String SEND_NEXT_CONTENT = "Activity_SendNextContent";
    public static final String MOVE_TO_KEEP_WARM = "Activity_MoveToKeepWarm";
    public static final String JOURNEY_TOO_LONG = "Event_JourneyTooLong";
    /** "Sales has the lead": the journey sends nothing and waits for sales' verdict. */
    public static final String SALES_HAS_THE_LEAD = "Gateway_SalesHasTheLead";
    public static final String WELCOME_CUSTOMER = "Activity_WelcomeCustomer";
    public static final String END_READY_FOR_SALES = "EndEvent_ReadyForSales";
    public static final String END_UNSUBSCRIBED = "EndEvent_Unsubscribed";
    public static final String END_EMAIL_UNDELIVERABLE = "EndEvent_EmailUndeliverable";
    public static final String END_DISQUALIFIED = "EndEvent_Disqualified";
    public static final String END_NOT_CONTACTABLE = "EndEvent_NotContactable";
    public static final String END_JOURNEY_TOO_LONG = "EndEvent_JourneyTooLong";
    public static final String END_DISQUALIFIED_BY_SALES = "EndEvent_DisqualifiedBySales";
    public static final String GATEWAY_WELCOME_DUE = "Gateway_WelcomeDue";
    public static final String GATEWAY_CONTENT_LEFT = "Gateway_ContentLeft";
    /**
     * Boundary events of "Nurture until ready" (SubProcess_Nurturing). "Lead left nurturing" is the
     * one message for every way out Leadflow reports ({@link NurturingExit}); "Why did it leave?"
     * routes on {@link Variables#LEFT_NURTURING_BECAUSE}.
     */
    public static final String LEAD_LEFT_NURTURING = "Event_LeadLeftNurturing";
    public static final String GATEWAY_WHY_LEFT_NURTURING = "Gateway_WhyLeftNurturing";
    public static final String LEAD_NOT_CONTACTABLE = "Event_LeadNotContactable";
    /** Sales' verdicts, caught at "Sales has the lead". */
    public static final String WON_BY_SALES = "Event_WonBySales";
    public static final String DISQUALIFIED_BY_SALES = "Event_DisqualifiedBySales";
    public static final String BACK_FROM_SALES = "Event_BackFromSales";
    /** Double opt-in, before nurturing: asked once, reminded once, expired. */
    public static final String GATEWAY_OPT_IN_REQUIRED = "Gateway_OptInRequired";
    /** Where the lead that needs no confirmation, and the one that confirmed, go on to nurturing. */
    public static final String GATEWAY_OPT_IN_DONE = "Gateway_OptInDone";
    public static final String SEND_OPT_IN_REQUEST = "Activity_SendOptInRequest";
    public static final String WAIT_FOR_OPT_IN = "Gateway_WaitForOptIn";
    public static final String OPT_IN_CONFIRMED = "Event_OptInConfirmed";
    /** "Confirmation overdue": the reminder's time, then (reminded already) the expiry's. */
    public static final String OPT_IN_OVERDUE = "Event_OptInOverdue";
    public static final String GATEWAY_REMINDED_ALREADY = "Gateway_RemindedAlready";
    public static final String SEND_OPT_IN_REMINDER = "Activity_SendOptInReminder";
    public static final String EXPIRE_UNCONFIRMED = "Activity_ExpireUnconfirmedLead";
    public static final String END_OPT_IN_EXPIRED = "EndEvent_OptInExpired";

    private Elements() {}
  }

  /** Messages the journey waits for; the lead's lifecycle events are translated into them ({@code JourneySignals}). */
  public static final class Messages {
    /**
     * The lead left nurturing (boundary of "Nurture until ready"): correlate it with {@link
     * Variables#LEFT_NURTURING_BECAUSE} set to a {@link NurturingExit} name. Without a reason, or
     * with another one, the correlation fails (no flow out of "Why did it leave?").
     */
    public static final String LEAD_LEFT_NURTURING = "LeadLeftNurturing";
    public static final String STAGE_CHANGED = "StageChanged";
    /** Sales disqualified the lead it has ("Sales has the lead"); in nurturing, see {@link #LEAD_LEFT_NURTURING}. */
    public static final String LEAD_DISQUALIFIED = "LeadDisqualified";
    public static final String LEAD_WON = "LeadWon";
    /** Sales sent the lead back, not ready: nurture again. */
    public static final String LEAD_RETURNED_TO_NURTURING = "LeadReturnedToNurturing";
    /** The lead confirmed its address (double opt-in): nurturing starts. */
    public static final String OPT_IN_CONFIRMED = "OptInConfirmed";

    private Messages() {}
  }

  /**
   * The beans the model's expressions name: delegate expressions ({@code ${sendWelcome}}) and
   * the helper that its timers ask ({@code ${journeyClock.nextSend(leadId, stage)}}, {@code
   * ${journeyClock.maxLength()}}).
   */
  public static final class Beans {
    public static final String SEND_WELCOME = "sendWelcome";
    public static final String SEND_NEXT_CONTENT = "sendNextContent";
    public static final String MOVE_TO_KEEP_WARM = "moveToKeepWarm";
    public static final String NURTURE_AS_CUSTOMER = "nurtureAsCustomer";
    public static final String JOURNEY_CLOCK = "journeyClock";
    public static final String SEND_OPT_IN_REQUEST = "sendOptInRequest";
    public static final String SEND_OPT_IN_REMINDER = "sendOptInReminder";
    public static final String EXPIRE_UNCONFIRMED_LEAD = "expireUnconfirmedLead";

    private Beans() {}
  }

  /** The BPMN error "Lead may not be contacted", thrown by a send when nothing may be emailed to the lead. */
  public static final String ERROR_NOT_CONTACTABLE = "LeadNotContactable";

  /**
   * The journey's variables: only what the model branches on or a send needs, ids and plain values
   * (no entities). Personal data, the score, rating, company, campaign and what was sent stay in
   * Leadflow's tables ({@code GET /api/leads/{id}}, the deliveries): each variable is a row of the
   * engine per waiting journey, so a variable that only says "not yet" or "as usual" is absent
   * rather than false. The lead's id is the journey's business key (Cockpit finds a lead's journey
   * by it), not a variable.
   */
  public static final class Variables {
    /** The funnel stage (TOFU, MOFU, BOFU, KEEP_WARM, LOYALTY): "Which stage?" branches on it. */
    public static final String STAGE = "stage";
    /** The lead's status: "Which stage?" ends nurturing when it is ready for sales. */
    public static final String STATUS = "status";
    /** True while the welcome is still to be sent ("Welcome due?"); removed once it was. */
    public static final String WELCOME_DUE = "welcomeDue";
    /** Sends so far (the welcome included). */
    public static final String SENDS_SO_FAR = "sendsSoFar";
    /** False when the last "Send next content" found no content left for the stage ("Content left?"); absent otherwise. */
    public static final String CONTENT_LEFT = "contentLeft";
    /** True when the lead must confirm its address before it is nurtured ("Double opt-in?"); absent otherwise. */
    public static final String OPT_IN_REQUIRED = "optInRequired";
    /** Whether the one reminder went out ("Reminded already?"; the overdue timer waits for expiry then). */
    public static final String OPT_IN_REMINDED = "optInReminded";
    /**
     * Until when the frequency cap, or the frequency the lead chose in the preference centre, holds
     * the last "Send next content" (null: neither did): "Next send due" then waits until that time,
     * not a whole cadence.
     */
    public static final String SEND_HELD_UNTIL = "sendHeldUntil";
    /**
     * Why the lead left nurturing: a {@link NurturingExit} name (String), set by the correlation of
     * {@link Messages#LEAD_LEFT_NURTURING}; "Why did it leave?" branches on it.
     */
    public static final String LEFT_NURTURING_BECAUSE = "leftNurturingBecause";

    private Variables() {}
  }
}
