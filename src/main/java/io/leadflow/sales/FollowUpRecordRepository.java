package io.leadflow.sales;

import org.springframework.data.jpa.repository.JpaRepository;

interface FollowUpRecordRepository extends JpaRepository<FollowUpRecord, String> {}
