package io.leadflow.lead;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface LeadRepository extends JpaRepository<Lead, String>, JpaSpecificationExecutor<Lead> {

  /** @param email a normalised email (see {@link LeadProfile}) */
  Optional<Lead> findByEmail(String email);

  /**
   * The lead, locked for this transaction ({@code select ... for update}): whoever changes a
   * lead's profile or score takes it this way, so changes to one lead queue up instead of
   * failing each other.
   */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select l from Lead l where l.id = :id and l.erasedAt is null")
  Optional<Lead> lockById(@Param("id") String id);

  /** Like {@link #lockById}, by normalised email. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select l from Lead l where l.email = :email")
  Optional<Lead> lockByEmail(@Param("email") String email);

  /**
   * The leads with these ids or (normalised) emails, locked like {@link #lockById}, in one query
   * and in id order: transactions that lock several of the same leads take them in the same order
   * (the database's, by {@code order by}), so they queue behind each other instead of deadlocking.
   */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select l from Lead l where l.id in :ids or l.email in :emails order by l.id")
  List<Lead> lockAll(@Param("ids") Collection<String> ids, @Param("emails") Collection<String> emails);

  /** Like {@link #lockAll}, by (normalised) emails only: the known leads of an import's batch. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select l from Lead l where l.email in :emails order by l.id")
  List<Lead> lockAllByEmail(@Param("emails") Collection<String> emails);

  /** Lead ids after {@code afterId}, in id order: one batch of a run over all leads. */
  @Query("select l.id from Lead l where l.id > :afterId and l.erasedAt is null order by l.id")
  java.util.List<String> idsAfter(@Param("afterId") String afterId, org.springframework.data.domain.Pageable page);

  long countByCompanyKey(String companyKey);

  /** Leads that are not erased. */
  long countByErasedAtIsNull();

  /** Ids of leads with one of these statuses since before {@code before}, oldest first. */
  @Query("select l.id from Lead l where l.status in :statuses and l.statusSince < :before and l.erasedAt is null order by l.statusSince")
  List<String> salesReadySince(@Param("statuses") Collection<LeadStatus> statuses, @Param("before") java.time.Instant before,
      org.springframework.data.domain.Pageable page);

  /** The engagement of every lead of one company (see {@link Lead#companyKey(String)}). */
  @Query("select coalesce(sum(l.engagementScore), 0) from Lead l where l.companyKey = :companyKey")
  long engagementOfAccount(@Param("companyKey") String companyKey);
}
