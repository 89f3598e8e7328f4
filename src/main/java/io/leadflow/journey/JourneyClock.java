package io.leadflow.journey;

import io.leadflow.lead.FunnelStage;
import io.leadflow.lead.DoubleOptIn;
import io.leadflow.lead.Lead;
import io.leadflow.lead.Leads;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The journey's timers ask this bean when to fire (bpmn/lead-nurturing.bpmn):
 * {@code ${journeyClock.nextSend(execution)}} is the stage's cadence from now (or the time the
 * frequency cap or the lead's chosen frequency allows a held send), moved into
 * the lead's send window and within the frequency cap; {@code ${journeyClock.maxLength()}} the longest a journey may last.
 */
@Component("journeyClock")
public class JourneyClock {

  private final JourneySettings settings;
  private final SendWindow window;
  private final FrequencyCap cap;
  private final Leads leads;
  private final Clock clock;
  private final DoubleOptIn doubleOptIn;

  JourneyClock(JourneySettings settings, SendWindow window, FrequencyCap cap, Leads leads, Clock clock,
      DoubleOptIn doubleOptIn) {
    this.doubleOptIn = doubleOptIn;
    this.settings = settings;
    this.window = window;
    this.cap = cap;
    this.leads = leads;
    this.clock = clock;
  }

  /**
   * "Next send due": the stage's cadence from now, or, when the frequency cap held the last send
   * ({@link LeadNurturingProcess.Variables#SEND_HELD_UNTIL}), the time it allows it; in the lead's
   * send window and within the cap. Reads the journey's variables, as a delegate does.
   */
  public Date nextSend(DelegateExecution execution) {
    String leadId = JourneyDelegates.leadId(execution);
    String stage = (String) execution.getVariable(LeadNurturingProcess.Variables.STAGE);
    Object heldUntil = execution.getVariable(LeadNurturingProcess.Variables.SEND_HELD_UNTIL);
    if (heldUntil instanceof Date held) {
      Instant now = clock.instant();
      return Date.from(withinWindowAndCap(leadId, held.toInstant().isAfter(now) ? held.toInstant() : now));
    }
    return nextSend(leadId, stage);
  }

  /**
   * @param stage a {@link FunnelStage} name
   * @return when the lead's next content for the stage is due: its cadence from now, in its send
   *     window, and no sooner than the frequency cap allows ({@link FrequencyCap}: a send that
   *     would pass it waits, it is not dropped)
   */
  public Date nextSend(String leadId, String stage) {
    return Date.from(withinWindowAndCap(leadId, clock.instant().plus(settings.cadence().of(FunnelStage.valueOf(stage)))));
  }

  /** The first time from {@code at} on that is in the lead's send window and within the frequency cap. */
  private Instant withinWindowAndCap(String leadId, Instant at) {
    String country = leads.find(leadId).map(Lead::getCountry).orElse(null);
    Instant due = window.nextOpening(at, country);
    // a later time only lets earlier emails leave the cap's window: this settles at once, twice at most
    for (int tries = 0; tries < 3; tries++) {
      Instant allowed = cap.earliest(leadId, due);
      if (!allowed.isAfter(due)) {
        break;
      }
      due = window.nextOpening(allowed, country);
    }
    return due;
  }

  /** How long after the confirmation request the one reminder goes out (double opt-in): an ISO-8601 duration. */
  public String optInReminder() {
    return doubleOptIn.remindAfter();
  }

  /** How long after the reminder an unconfirmed lead expires from nurturing: an ISO-8601 duration. */
  public String optInExpiry() {
    return doubleOptIn.expireAfter();
  }

  /** An ISO-8601 duration, for the journey's boundary timer. */
  public String maxLength() {
    return settings.maxLength().toString();
  }
}
