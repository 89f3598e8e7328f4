package io.leadflow.lead;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface LeadRepository extends JpaRepository<Lead, String>, JpaSpecificationExecutor<Lead> {

  /** @param email a normalised email (see {@link LeadProfile}) */
  Optional<Lead> findByEmail(String email);
}
