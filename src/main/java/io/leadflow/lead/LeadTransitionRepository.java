package io.leadflow.lead;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface LeadTransitionRepository extends JpaRepository<LeadTransition, String> {

  /** A lead's transitions, oldest first (in the order they were written). */
  List<LeadTransition> findByLeadIdOrderBySeqNoAsc(String leadId);
}
