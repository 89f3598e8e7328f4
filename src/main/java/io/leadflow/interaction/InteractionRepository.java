package io.leadflow.interaction;

import jakarta.persistence.QueryHint;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.hibernate.jpa.HibernateHints;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;
import org.springframework.data.repository.query.Param;

public interface InteractionRepository extends JpaRepository<Interaction, String> {

  Optional<Interaction> findByExternalId(String externalId);

  /** The interactions stored with any of these external ids: one query for a batch. */
  List<Interaction> findByExternalIdIn(Collection<String> externalIds);

  /** The lead's interactions in the order they happened. */
  List<Interaction> findByLeadIdOrderByOccurredAtAscIdAsc(String leadId);

  /** The lead's latest interactions, newest first (what a salesperson sees on a follow-up). */
  List<Interaction> findTop5ByLeadIdOrderByOccurredAtDesc(String leadId);

  /**
   * What the given leads did (and a person made: not filtered) from one time until (not including) another:
   * the daily caps of a transaction's interactions (see {@code DailyActions}), read once. It does
   * not flush the transaction's new interactions first (a flush per read would defeat JDBC
   * batching): the caller counts those itself.
   */
  @QueryHints(@QueryHint(name = HibernateHints.HINT_FLUSH_MODE, value = "COMMIT"))
  @Query("""
      select new io.leadflow.interaction.Occurrence(i.id, i.leadId, i.type, i.url, i.occurredAt) from Interaction i
      where i.leadId in :leadIds and i.occurredAt >= :from and i.occurredAt < :until and i.filtered = false""")
  List<Occurrence> occurrences(@Param("leadIds") Collection<String> leadIds, @Param("from") Instant from,
      @Param("until") Instant until);

  /** Every recorded click of one email (filtered ones too): which link, when. */
  @Query("""
      select new io.leadflow.interaction.Occurrence(i.id, i.leadId, i.type, i.url, i.occurredAt) from Interaction i
      where i.leadId = :leadId and i.deliveryId = :deliveryId and i.type = io.leadflow.interaction.InteractionType.EMAIL_CLICK""")
  List<Occurrence> clicksFromDelivery(@Param("leadId") String leadId, @Param("deliveryId") String deliveryId);

  /** Earlier interactions of this kind from one email that scored (were not filtered): opens. */
  @Query("""
      select count(i) from Interaction i where i.leadId = :leadId and i.deliveryId = :deliveryId and i.type = :type
      and i.filtered = false and i.id <> :id""")
  long countScoredFromDelivery(@Param("leadId") String leadId, @Param("deliveryId") String deliveryId,
      @Param("type") InteractionType type, @Param("id") String id);

  /** Earlier interactions of this kind from one email's link that scored (were not filtered): clicks, per link. */
  @Query("""
      select count(i) from Interaction i where i.leadId = :leadId and i.deliveryId = :deliveryId and i.type = :type
      and i.url = :url and i.filtered = false and i.id <> :id""")
  long countScoredFromLink(@Param("leadId") String leadId, @Param("deliveryId") String deliveryId,
      @Param("type") InteractionType type, @Param("url") String url, @Param("id") String id);

  /** How many leads had an interaction since the given time. */
  @Query("select count(distinct i.leadId) from Interaction i where i.occurredAt >= :since")
  long countLeadsActiveSince(@Param("since") Instant since);

  /** Leads with an interaction since the given time, by id after {@code afterLeadId}: one batch of the decay run. */
  @Query("select distinct i.leadId from Interaction i where i.occurredAt >= :since and i.leadId > :afterLeadId order by i.leadId")
  List<String> leadIdsActiveSince(@Param("since") Instant since, @Param("afterLeadId") String afterLeadId, Pageable page);
}
