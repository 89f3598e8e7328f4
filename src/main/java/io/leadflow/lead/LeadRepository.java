package io.leadflow.lead;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface LeadRepository extends JpaRepository<Lead, String>, JpaSpecificationExecutor<Lead> {

  /** @param email a normalised email (see {@link LeadProfile}) */
  Optional<Lead> findByEmail(String email);

  /** Lead ids after {@code afterId}, in id order: one batch of a run over all leads. */
  @Query("select l.id from Lead l where l.id > :afterId order by l.id")
  java.util.List<String> idsAfter(@Param("afterId") String afterId, org.springframework.data.domain.Pageable page);

  /** The engagement of every lead of one company (see {@link Lead#companyKey(String)}). */
  @Query("select coalesce(sum(l.engagementScore), 0) from Lead l where l.companyKey = :companyKey")
  long engagementOfAccount(@Param("companyKey") String companyKey);
}
