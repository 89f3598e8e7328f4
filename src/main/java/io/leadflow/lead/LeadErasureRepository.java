package io.leadflow.lead;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface LeadErasureRepository extends JpaRepository<LeadErasure, String> {

  List<LeadErasure> findByEmailHashOrderByErasedAtDesc(String emailHash);

  List<LeadErasure> findByEmailHashIn(java.util.Collection<String> emailHashes);
}
