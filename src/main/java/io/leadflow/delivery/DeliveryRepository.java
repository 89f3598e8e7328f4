package io.leadflow.delivery;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface DeliveryRepository extends JpaRepository<Delivery, String> {

  Optional<Delivery> findByDeliveryKey(String deliveryKey);

  /**
   * The delivery with this key, locked for this transaction ({@code select ... for update}):
   * whoever changes a delivery's status takes it this way, so two sends of one key queue up.
   */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select d from Delivery d where d.deliveryKey = :deliveryKey")
  Optional<Delivery> lockByDeliveryKey(@Param("deliveryKey") String deliveryKey);

  /** Like {@link #lockByDeliveryKey}, by id. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select d from Delivery d where d.id = :id")
  Optional<Delivery> lockById(@Param("id") String id);

  /** The lead's deliveries, newest first. */
  List<Delivery> findByLeadIdOrderByCreatedAtDescIdDesc(String leadId);

  /** Every content ever chosen for the lead, whatever became of its delivery. */
  @Query("select max(d.sentAt) from Delivery d where d.leadId = :leadId")
  java.time.Instant lastSentAt(@Param("leadId") String leadId);

  @Query("select distinct d.contentId from Delivery d where d.leadId = :leadId")
  Set<String> contentIdsOf(@Param("leadId") String leadId);
}
