package io.leadflow.delivery;

import io.leadflow.delivery.TrackingLinks.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Repeats as counts: the opens or clicks of one delivery's link are counted per repeat window
 * ({@code leadflow.tracking.repeat-window}, time divided into windows of that length), one row
 * each ({@link TrackingEvent}); only the first hit of a window becomes an interaction. One
 * statement for a repeat; the unique window (delivery, kind, start) decides which of two hits at
 * once is the first.
 */
@Component
class TrackingEvents {

  private final TrackingEventRepository events;
  private final TransactionTemplate transaction;
  private final Duration window;

  TrackingEvents(TrackingEventRepository events, PlatformTransactionManager transactions, DeliveryProperties properties) {
    this.events = events;
    this.transaction = new TransactionTemplate(transactions);
    this.window = properties.tracking().repeatWindow();
  }

  /** Counts a hit: the window's new row when it is the first (record it), empty for a repeat (counted). */
  Optional<TrackingEvent> hit(String deliveryId, Kind kind, Instant at) {
    Instant start = windowStart(at);
    if (repeated(deliveryId, kind, start, at)) {
      return Optional.empty();
    }
    try {
      return Optional.of(transaction.execute(status -> events.save(new TrackingEvent(deliveryId, kind, start, at))));
    } catch (DataIntegrityViolationException firstAtTheSameMoment) {
      repeated(deliveryId, kind, start, at);
      return Optional.empty();
    }
  }

  /** The interaction the window's first hit became. */
  void recorded(TrackingEvent event, String interactionId) {
    transaction.executeWithoutResult(status -> events.findById(event.getId()).ifPresent(found -> found.recordedAs(interactionId)));
  }

  private boolean repeated(String deliveryId, Kind kind, Instant start, Instant at) {
    Integer updated = transaction.execute(status -> events.repeated(deliveryId, kind, start, at));
    return updated != null && updated > 0;
  }

  private Instant windowStart(Instant at) {
    long millis = at.toEpochMilli();
    return Instant.ofEpochMilli(millis - Math.floorMod(millis, window.toMillis()));
  }
}
