package io.leadflow.journey;

import io.leadflow.lead.FunnelStage;
import io.leadflow.lead.DoubleOptIn;
import io.leadflow.lead.Lead;
import io.leadflow.lead.Leads;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * The journey's timers ask this bean when to fire (bpmn/lead-nurturing.bpmn):
 * {@code ${journeyClock.nextSend(leadId, 'TOFU')}} is the stage's cadence from now, moved into
 * the lead's send window; {@code ${journeyClock.maxLength()}} the longest a journey may last.
 */
@Component("journeyClock")
public class JourneyClock {

  private final JourneySettings settings;
  private final SendWindow window;
  private final Leads leads;
  private final Clock clock;
  private final DoubleOptIn doubleOptIn;

  JourneyClock(JourneySettings settings, SendWindow window, Leads leads, Clock clock, DoubleOptIn doubleOptIn) {
    this.doubleOptIn = doubleOptIn;
    this.settings = settings;
    this.window = window;
    this.leads = leads;
    this.clock = clock;
  }

  /**
   * @param stage a {@link FunnelStage} name
   * @return when the lead's next content for the stage is due (its cadence from now, in its send window)
   */
  public Date nextSend(String leadId, String stage) {
    String country = leads.find(leadId).map(Lead::getCountry).orElse(null);
    Instant due = clock.instant().plus(settings.cadence().of(FunnelStage.valueOf(stage)));
    return Date.from(window.nextOpening(due, country));
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
