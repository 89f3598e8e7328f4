package io.leadflow.privacy;

/**
 * The contract of {@code bpmn/lead-retention.bpmn}: every night, the leads with no activity for
 * {@code leadflow.privacy.retention.inactive-after} are erased or anonymised, one job per lead.
 */
public final class LeadRetentionProcess {

  public static final String KEY = "lead-retention";

  private LeadRetentionProcess() {}

  public static final class Elements {
    public static final String START = "StartEvent_EveryNight";
    public static final String FIND_INACTIVE_LEADS = "Activity_FindInactiveLeads";
    public static final String GATEWAY_ANY_INACTIVE = "Gateway_AnyInactive";
    public static final String RETIRE_LEAD = "Activity_RetireInactiveLead";
    public static final String END_LEADS_RETIRED = "EndEvent_InactiveLeadsRetired";
    public static final String END_NONE_INACTIVE = "EndEvent_NoneInactive";

    private Elements() {}
  }

  /** The beans the model's delegate expressions name. */
  public static final class Beans {
    public static final String FIND_INACTIVE_LEADS = "findInactiveLeads";
    public static final String RETIRE_INACTIVE_LEAD = "retireInactiveLead";

    private Beans() {}
  }

  public static final class Variables {
    /** The ids of the leads found (a JSON list). */
    public static final String INACTIVE_LEADS = "inactiveLeads";
    public static final String INACTIVE_COUNT = "inactiveCount";
    /** One lead of the list, per instance of "Erase or anonymise the lead". */
    public static final String LEAD_ID = "leadId";

    private Variables() {}
  }
}
