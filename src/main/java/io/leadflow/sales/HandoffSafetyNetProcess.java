package io.leadflow.sales;

/**
 * The contract of {@code bpmn/handoff-safety-net.bpmn}: every few minutes, a hand-off for each lead
 * left ready for sales without one.
 */
public final class HandoffSafetyNetProcess {

  public static final String KEY = "handoff-safety-net";

  private HandoffSafetyNetProcess() {}

  public static final class Elements {
    public static final String START = "StartEvent_EveryFiveMinutes";
    public static final String FIND_STRANDED_LEADS = "Activity_FindStrandedLeads";
    public static final String START_HANDOFF = "Activity_StartHandoff";
    public static final String END_HANDOFFS_STARTED = "EndEvent_HandoffsStarted";
    public static final String END_NONE_STRANDED = "EndEvent_NoneStranded";
    public static final String GATEWAY_ANY_STRANDED = "Gateway_AnyStranded";

    private Elements() {}
  }

  /** The beans the model's delegate expressions name. */
  public static final class Beans {
    public static final String FIND_STRANDED_LEADS = "findStrandedLeads";
    public static final String START_MISSING_HANDOFF = "startMissingHandoff";

    private Beans() {}
  }

  public static final class Variables {
    /** The ids of the leads found (a JSON list). */
    public static final String STRANDED_LEADS = "strandedLeads";
    public static final String STRANDED_COUNT = "strandedCount";
    /** One lead of the list, per instance of "Hand the lead over to sales". */
    public static final String LEAD_ID = "leadId";

    private Variables() {}
  }
}
