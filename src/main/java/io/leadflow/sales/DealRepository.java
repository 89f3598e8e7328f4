package io.leadflow.sales;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface DealRepository extends JpaRepository<Deal, String> {

  List<Deal> findByLeadIdOrderByClosedAtAsc(String leadId);
}
