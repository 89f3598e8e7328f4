package io.leadflow.delivery;

import io.leadflow.delivery.TrackingLinks.Kind;
import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface TrackingEventRepository extends JpaRepository<TrackingEvent, String> {

  /** Counts one more hit on the window's row: 0 when the window has none yet. */
  @Modifying
  @Query("""
      update TrackingEvent e set e.hits = e.hits + 1, e.lastAt = :at
      where e.deliveryId = :deliveryId and e.kind = :kind and e.windowStart = :windowStart""")
  int repeated(@Param("deliveryId") String deliveryId, @Param("kind") Kind kind,
      @Param("windowStart") Instant windowStart, @Param("at") Instant at);

  List<TrackingEvent> findByDeliveryIdOrderByWindowStart(String deliveryId);

  /** Whether the interaction the window's row last became was filtered (machine-made): then the next hit is recorded too. */
  @Query("""
      select e.filtered from TrackingEvent e
      where e.deliveryId = :deliveryId and e.kind = :kind and e.windowStart = :windowStart""")
  java.util.Optional<Boolean> lastFiltered(@Param("deliveryId") String deliveryId, @Param("kind") Kind kind,
      @Param("windowStart") Instant windowStart);
}
