package io.leadflow.lead;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ConsentRecordRepository extends JpaRepository<ConsentRecord, String> {

  List<ConsentRecord> findByLeadIdOrderByChangedAtAscRecordedAtAsc(String leadId);
}
