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
  private final Duration afterMachineGap;

  TrackingEvents(TrackingEventRepository events, PlatformTransactionManager transactions, DeliveryProperties properties) {
    this.events = events;
    this.transaction = new TransactionTemplate(transactions);
    this.window = properties.tracking().repeatWindow();
    this.afterMachineGap = properties.tracking().afterMachineGap();
  }

  /**
   * Counts a hit: the window's row when it is to be recorded (the window's first hit, or a hit
   * {@code leadflow.tracking.after-machine-gap} or more after the last one when the window's
   * interaction was judged machine-made), empty for a repeat (counted). So a scanner's burst does
   * not swallow the person's click that follows it, and a flood stays one interaction.
   */
  Optional<TrackingEvent> hit(String deliveryId, Kind kind, Instant at) {
    Instant start = windowStart(at);
    Optional<TrackingEvent> before = transaction.execute(status -> events.findByDeliveryIdOrderByWindowStart(deliveryId)
        .stream().filter(event -> event.getKind() == kind && event.getWindowStart().equals(start)).findFirst());
    if (repeated(deliveryId, kind, start, at)) {
      // after a machine-made hit, the next one after a quiet gap is recorded again (it may be the
      // person's); a flood never has such a gap, so it stays one interaction and a count
      return before.filter(row -> row.isFiltered() && !row.getLastAt().plus(afterMachineGap).isAfter(at));
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
