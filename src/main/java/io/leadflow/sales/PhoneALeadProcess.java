package io.leadflow.sales;

/**
 * The contract of {@code bpmn/phone-a-lead.bpmn}: someone decided to simply phone a lead. Started
 * from Tasklist's start form (the lead's email) or the API (the lead's id); the business key is the
 * lead's id.
 */
public final class PhoneALeadProcess {

  public static final String KEY = "phone-a-lead";

  /** The start form's id (forms/phone-a-lead-start.form, camunda:formRef of the start event). */
  public static final String START_FORM = "phone-a-lead-start";

  private PhoneALeadProcess() {}

  public static final class Elements {
    public static final String START = "StartEvent_CallRequested";
    public static final String PREPARE_CALL = "Activity_PrepareCall";
    public static final String CALL_LEAD = "Activity_CallLead";
    public static final String QUALIFY_BY_PHONE = "Activity_QualifyByPhone";
    public static final String DISQUALIFY_BY_PHONE = "Activity_DisqualifyByPhone";
    public static final String CALL_AGAIN_AT = "Event_CallAgainAt";
    public static final String GATEWAY_CALL_OUTCOME = "Gateway_CallOutcome";
    public static final String GATEWAY_AFTER_NOT_INTERESTED = "Gateway_AfterNotInterested";
    public static final String GATEWAY_ATTEMPTS_LEFT = "Gateway_AttemptsLeft";
    public static final String END_QUALIFIED_BY_PHONE = "EndEvent_QualifiedByPhone";
    public static final String END_BACK_TO_NURTURING = "EndEvent_BackToNurturing";
    public static final String END_DISQUALIFIED_BY_PHONE = "EndEvent_DisqualifiedByPhone";
    public static final String END_NO_ANSWER = "EndEvent_NoAnswer";

    private Elements() {}
  }

  /** The beans the model's expressions name (delegate expressions and the call task's listener). */
  public static final class Beans {
    public static final String PREPARE_CALL = "prepareCall";
    public static final String CHECK_CALL_OUTCOME = "checkCallOutcome";
    public static final String QUALIFY_BY_PHONE = "qualifyByPhone";
    public static final String DISQUALIFY_BY_PHONE = "disqualifyByPhone";

    private Beans() {}
  }

  /** Variables: those of every sales task ({@link SalesTaskVariables}), and the call's own. */
  public static final class Variables {
    public static final String LEAD_ID = SalesTaskVariables.LEAD_ID;
    /** The start form's field: the lead by its email. */
    public static final String LEAD_EMAIL = SalesTaskVariables.LEAD_EMAIL;
    public static final String REASON = "reason";
    public static final String REQUESTED_BY = "requestedBy";
    public static final String CALL_ATTEMPT = "callAttempt";
    public static final String MAX_CALL_ATTEMPTS = "maxCallAttempts";
    /** The call form's outcome: QUALIFIED, CALL_AGAIN or NOT_INTERESTED. */
    public static final String CALL_OUTCOME = "callOutcome";
    /** "Call again": the time the rep chose (optional). */
    public static final String CALL_AGAIN_AT = "callAgainAt";
    /** "Call again": when the timer fires (the chosen time, or leadflow.calls.call-again-after from now). */
    public static final String CALL_AGAIN_DATE = "callAgainDate";
    /** "Not interested": NURTURE or DISQUALIFY. */
    public static final String AFTER_NOT_INTERESTED = "afterNotInterested";

    private Variables() {}
  }

  public static final class Outcomes {
    public static final String QUALIFIED = "QUALIFIED";
    public static final String CALL_AGAIN = "CALL_AGAIN";
    public static final String NOT_INTERESTED = "NOT_INTERESTED";
    public static final String NURTURE = "NURTURE";
    public static final String DISQUALIFY = "DISQUALIFY";

    private Outcomes() {}
  }
}
