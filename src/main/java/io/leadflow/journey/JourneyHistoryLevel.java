package io.leadflow.journey;

import java.util.Set;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;

/**
 * Leadflow's history level ({@code camunda.bpm.history-level: leadflow}): Camunda's {@code audit}
 * level, except for what a nurturing journey does over and over. A journey lives for months and
 * passes the same dozen elements of "Nurture until ready" for every email; kept as activity
 * history, that was 18 KB of database per email sent and 30 KB per waiting lead, for a record
 * Leadflow keeps better itself: every email is a delivery, every score change a ledger entry.
 *
 * <p>So for {@code lead-nurturing} the engine records the journey itself (start, end, business
 * key), incidents, and the activities by which it leaves nurturing (hand-over, sales' verdict, the
 * customer's welcome, the way back, how it ended); not its routine: the start and the welcome
 * (a delivery), "Nurture until ready" and everything inside it, nor the journey's variables
 * (their current values are on the running journey, in Cockpit). A waiting journey then costs
 * the engine one history row. Every other process (hand-off, phone calls, recalculation) keeps
 * the full audit history, tasks and variables.
 */
public final class JourneyHistoryLevel implements HistoryLevel {

  public static final String NAME = "leadflow";
  static final int ID = 17;
  static final String JOURNEY = LeadNurturingProcess.KEY;
  static final String NURTURING_LOOP = LeadNurturingProcess.Elements.NURTURING;
  /**
   * The journey's routine before the loop (the double opt-in's gateways on the way of every lead;
   * its request, reminder and expiry are kept), and the loop itself (the welcome is inside it).
   */
  static final Set<String> ROUTINE = Set.of(LeadNurturingProcess.Elements.START,
      LeadNurturingProcess.Elements.GATEWAY_OPT_IN_REQUIRED, LeadNurturingProcess.Elements.GATEWAY_OPT_IN_DONE,
      LeadNurturingProcess.Elements.GATEWAY_ENTER_NURTURING, NURTURING_LOOP);

  private static final HistoryLevel AUDIT = HistoryLevel.HISTORY_LEVEL_AUDIT;

  @Override
  public int getId() {
    return ID;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
    if (!AUDIT.isHistoryEventProduced(eventType, entity)) {
      return false;
    }
    if (entity instanceof VariableInstanceEntity variable && isVariableEvent(eventType)) {
      return !ofJourney(variable.getProcessDefinitionId());
    }
    if (entity instanceof ExecutionEntity execution && isActivityEvent(eventType)) {
      return !(ofJourney(execution.getProcessDefinitionId()) && isRoutine(execution.getActivity()));
    }
    return true;
  }

  private static boolean isVariableEvent(HistoryEventType type) {
    return type == HistoryEventTypes.VARIABLE_INSTANCE_CREATE
        || type == HistoryEventTypes.VARIABLE_INSTANCE_UPDATE
        || type == HistoryEventTypes.VARIABLE_INSTANCE_DELETE
        || type == HistoryEventTypes.VARIABLE_INSTANCE_MIGRATE;
  }

  private static boolean isActivityEvent(HistoryEventType type) {
    return type == HistoryEventTypes.ACTIVITY_INSTANCE_START
        || type == HistoryEventTypes.ACTIVITY_INSTANCE_UPDATE
        || type == HistoryEventTypes.ACTIVITY_INSTANCE_END
        || type == HistoryEventTypes.ACTIVITY_INSTANCE_MIGRATE;
  }

  /** Process definition ids are {@code key:version:id} (Camunda shortens only keys too long for the column). */
  private static boolean ofJourney(String processDefinitionId) {
    return processDefinitionId != null && processDefinitionId.startsWith(JOURNEY + ":");
  }

  private static boolean isRoutine(ActivityImpl activity) {
    if (activity == null) {
      return false;
    }
    if (ROUTINE.contains(activity.getId())) {
      return true;
    }
    for (ScopeImpl scope = activity.getFlowScope(); scope instanceof ActivityImpl parent;
        scope = parent.getFlowScope()) {
      if (NURTURING_LOOP.equals(parent.getId())) {
        return true;
      }
    }
    return false;
  }
}
