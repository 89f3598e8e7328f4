package io.leadflow.interaction;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface InteractionRepository extends JpaRepository<Interaction, String> {

  Optional<Interaction> findByExternalId(String externalId);

  /** The lead's interactions in the order they happened. */
  List<Interaction> findByLeadIdOrderByOccurredAtAscIdAsc(String leadId);

  /** The lead's latest interactions, newest first (what a salesperson sees on a follow-up). */
  List<Interaction> findTop5ByLeadIdOrderByOccurredAtDesc(String leadId);

  /** How many of one kind of action the lead made from a time up to and including another (daily caps). */
  long countByLeadIdAndTypeAndOccurredAtGreaterThanEqualAndOccurredAtLessThanEqual(
      String leadId, InteractionType type, Instant from, Instant upToAndIncluding);

  /** How many leads had an interaction since the given time. */
  @Query("select count(distinct i.leadId) from Interaction i where i.occurredAt >= :since")
  long countLeadsActiveSince(@Param("since") Instant since);

  /** Leads with an interaction since the given time, by id after {@code afterLeadId}: one batch of the decay run. */
  @Query("select distinct i.leadId from Interaction i where i.occurredAt >= :since and i.leadId > :afterLeadId order by i.leadId")
  List<String> leadIdsActiveSince(@Param("since") Instant since, @Param("afterLeadId") String afterLeadId, Pageable page);
}
