package io.leadflow.journey;

import io.leadflow.delivery.ContentDelivery;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * At most {@code leadflow.journey.frequency-cap.max-emails} emails to a lead in any
 * {@code leadflow.journey.frequency-cap.window} (rolling), counted over every delivery to the lead,
 * whichever journey or channel sent it. A send that would pass the cap is not dropped: it waits
 * until enough of the earlier emails have left the window ({@link JourneyClock} moves the
 * journey's timer there).
 */
@Component
class FrequencyCap {

  private final int maxEmails;
  private final Duration window;
  private final ContentDelivery deliveries;

  FrequencyCap(JourneySettings settings, ContentDelivery deliveries) {
    this.maxEmails = settings.frequencyCap().maxEmails();
    this.window = settings.frequencyCap().window();
    this.deliveries = deliveries;
  }

  /**
   * {@code at} itself when one more email then keeps the lead within the cap; else the first time
   * after it when it does: when the oldest email that is one too many leaves the window.
   */
  Instant earliest(String leadId, Instant at) {
    List<Instant> sent = deliveries.sentAfter(leadId, at.minus(window)).stream()
        .filter(sentAt -> !sentAt.isAfter(at))
        .toList();
    if (sent.size() < maxEmails) {
      return at;
    }
    // the window (t - window, t] may hold maxEmails - 1 of them: the oldest ones beyond that must have left it
    return sent.get(sent.size() - maxEmails).plus(window);
  }
}
