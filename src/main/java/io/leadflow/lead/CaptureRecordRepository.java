package io.leadflow.lead;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CaptureRecordRepository extends JpaRepository<CaptureRecord, String> {

  List<CaptureRecord> findByLeadIdOrderByCapturedAt(String leadId);
}
