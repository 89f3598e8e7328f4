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

  /**
   * Counts a hit: the window's row when it is to be recorded (the window's first hit, or the next
   * one after a hit whose interaction was judged machine-made), empty for a repeat (counted). So a
   * scanner's fetch does not swallow the person's click that follows it; a flood of filtered hits is
   * bounded by the link's rate limit.
   */
  Optional<TrackingEvent> hit(String deliveryId, Kind kind, Instant at) {
    Instant start = windowStart(at);
    if (repeated(deliveryId, kind, start, at)) {
      return Boolean.TRUE.equals(transaction.execute(status -> events.lastFiltered(deliveryId, kind, start).orElse(false)))
          ? transaction.execute(status -> events.findByDeliveryIdOrderByWindowStart(deliveryId).stream()
              .filter(event -> event.getKind() == kind && event.getWindowStart().equals(start)).findFirst())
          : Optional.empty();
    }
    try {
      return Optional.of(transaction.execute(status -> events.save(new TrackingEvent(deliveryId, kind, start, at))));
    } catch (DataIntegrityViolationException firstAtTheSameMoment) {
      repeated(deliveryId, kind, start, at);
      return Optional.empty();
    }
  }

  /** The interaction the window's hit became, and whether it was filtered. */
  void recorded(TrackingEvent event, String interactionId, boolean filtered) {
    transaction.executeWithoutResult(status -> events.findById(event.getId())
        .ifPresent(found -> found.recordedAs(interactionId, filtered)));
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
