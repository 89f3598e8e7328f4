package io.leadflow.scoring;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ScoreEntryRepository extends JpaRepository<ScoreEntry, String> {

  List<ScoreEntry> findByLeadIdOrderByAtAscIdAsc(String leadId);

  /** What each rule gives the lead now: the sum of the ledger per contribution. */
  @Query("""
      select new io.leadflow.scoring.LedgerStanding(
          e.dimension, e.interactionId, e.decisionKey, e.ruleId, sum(e.points), max(e.decisionVersion))
      from ScoreEntry e where e.leadId = :leadId
      group by e.dimension, e.interactionId, e.decisionKey, e.ruleId""")
  List<LedgerStanding> standings(@Param("leadId") String leadId);
}
