package io.leadflow.scoring;

/**
 * The contract of {@code bpmn/score-recalculation.bpmn}: lead scores recalculated a batch at a
 * time, nightly (decay) or when marketing asks for a rescore.
 */
public final class ScoreRecalculationProcess {

  public static final String KEY = "score-recalculation";

  private ScoreRecalculationProcess() {}

  public static final class Elements {
    public static final String EVERY_NIGHT = "StartEvent_EveryNight";
    public static final String RESCORE_REQUESTED = "StartEvent_RescoreRequested";
    public static final String RECALCULATE_BATCH = "Activity_RecalculateBatch";
    public static final String END_SCORES_RECALCULATED = "EndEvent_ScoresRecalculated";
    public static final String GATEWAY_MORE_LEADS = "Gateway_MoreLeads";

    private Elements() {}
  }

  /** The bean the model's delegate expression names. */
  public static final class Beans {
    public static final String RECALCULATE_SCORE_BATCH = "recalculateScoreBatch";

    private Beans() {}
  }

  public static final class Messages {
    /** Starts a rescore of every lead (POST /api/scoring/rescore). */
    public static final String RESCORE_REQUESTED = "RescoreRequested";

    private Messages() {}
  }

  public static final class Variables {
    /** A {@link ScoreCause}: DECAY (nightly) or RESCORE. */
    public static final String CAUSE = "cause";
    /** The last lead id of the batch before ("" to begin). */
    public static final String CURSOR = "cursor";
    public static final String LEADS_DONE = "leadsDone";
    public static final String LEADS_TOTAL = "leadsTotal";
    /** Who asked for a rescore (a user id). */
    public static final String REQUESTED_BY = "requestedBy";
    /** Whether another batch follows ("More leads?"). */
    public static final String MORE_LEADS = "moreLeads";

    private Variables() {}
  }
}
