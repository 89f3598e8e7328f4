package io.leadflow.security;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface IntegrationTokenRepository extends JpaRepository<IntegrationToken, String> {

  List<IntegrationToken> findAllByOrderByCreatedAtDescIdDesc();

  /** Records a use unless a later one is recorded already (two nodes, two requests at once). */
  @Modifying
  @Query("""
      update IntegrationToken t set t.lastUsedAt = :at
      where t.id = :id and (t.lastUsedAt is null or t.lastUsedAt < :at)""")
  int used(@Param("id") String id, @Param("at") Instant at);
}
