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

  /** When the mail server last took an email to the lead (null: never). */
  @Query("select max(d.sentAt) from Delivery d where d.leadId = :leadId")
  java.time.Instant lastSentAt(@Param("leadId") String leadId);

  /** When the lead's emails went out after a time (every channel and journey: all are deliveries). */
  @Query("select d.sentAt from Delivery d where d.leadId = :leadId and d.sentAt > :after order by d.sentAt")
  List<java.time.Instant> sentAfter(@Param("leadId") String leadId, @Param("after") java.time.Instant after);

  /** Every content ever chosen for the lead, whatever became of its delivery. */
  @Query("select distinct d.contentId from Delivery d where d.leadId = :leadId")
  Set<String> contentIdsOf(@Param("leadId") String leadId);
}
