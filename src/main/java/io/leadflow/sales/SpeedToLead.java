package io.leadflow.sales;

import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;

/**
 * Keeps what speed to lead is computed from: when a routed lead became ready for sales, and the
 * first action a person took on its follow-up in Tasklist. Only people count: the engine's own
 * changes (the routing's assignment, giving an untouched follow-up back to the team) happen in jobs
 * without an authenticated user and are not actions of a rep. Knows nothing of the engine:
 * {@link SalesDelegates} passes what the task says.
 */
@Service
public class SpeedToLead {

  /** The first actions a follow-up can have. */
  public static final String CLAIM = "CLAIM";
  public static final String ASSIGNMENT = "ASSIGNMENT";
  public static final String COMPLETION = "COMPLETION";

  private final FollowUpRecordRepository followUps;
  private final Clock clock;

  SpeedToLead(FollowUpRecordRepository followUps, Clock clock) {
    this.followUps = followUps;
    this.clock = clock;
  }

  /** The hand-off routed its lead (ready for sales since {@code salesReadyAt}) to {@code team}. */
  void routed(String handoffId, String leadId, String team, Instant salesReadyAt) {
    if (!followUps.existsById(handoffId)) {
      followUps.save(new FollowUpRecord(handoffId, leadId, team, salesReadyAt == null ? clock.instant() : salesReadyAt,
          clock.instant()));
    }
  }

  /**
   * Someone did something to the follow-up: the first such action is kept.
   *
   * @param user the authenticated user, or null when the engine did it (not counted)
   * @param assignee the task's assignee after the action
   * @param completed whether the action completed the task
   */
  void acted(String handoffId, String user, String assignee, boolean completed) {
    if (user == null) {
      return;
    }
    String action = completed ? COMPLETION : user.equals(assignee) ? CLAIM : ASSIGNMENT;
    followUps.findById(handoffId).ifPresent(followUp -> followUp.acted(action, user, clock.instant()));
  }
}
