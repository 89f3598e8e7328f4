package io.leadflow.delivery;

import io.leadflow.NewEntity;
import io.leadflow.delivery.TrackingLinks.Kind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The opens or clicks of one delivery's link within one repeat window
 * ({@code leadflow.tracking.repeat-window}): the first one became an interaction, the others
 * only count ({@code hits}). So a link fetched 400 times is one interaction and one row.
 */
@Entity
@Table(name = "tracking_events")
class TrackingEvent extends NewEntity {

  @Column(nullable = false)
  private String deliveryId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Kind kind;

  /** Where the window starts: time divided into windows of the configured length. */
  @Column(nullable = false)
  private Instant windowStart;

  @Column(nullable = false)
  private int hits;

  @Column(nullable = false)
  private Instant firstAt;

  @Column(nullable = false)
  private Instant lastAt;

  /** The interaction the first hit became (none if it was refused); after a filtered one, the latest. */
  private String interactionId;

  /** Whether that interaction was judged machine-made (0 points): the window's next hit is recorded too. */
  private boolean filtered;

  protected TrackingEvent() {}

  TrackingEvent(String deliveryId, Kind kind, Instant windowStart, Instant at) {
    this.deliveryId = deliveryId;
    this.kind = kind;
    this.windowStart = windowStart;
    this.hits = 1;
    this.firstAt = at;
    this.lastAt = at;
  }

  void recordedAs(String interactionId, boolean filtered) {
    this.interactionId = interactionId;
    this.filtered = filtered;
  }

  String getDeliveryId() { return deliveryId; }
  Kind getKind() { return kind; }
  Instant getWindowStart() { return windowStart; }
  int getHits() { return hits; }
  Instant getFirstAt() { return firstAt; }
  Instant getLastAt() { return lastAt; }
  String getInteractionId() { return interactionId; }
  boolean isFiltered() { return filtered; }
}
