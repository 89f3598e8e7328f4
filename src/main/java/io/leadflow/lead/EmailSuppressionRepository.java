package io.leadflow.lead;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface EmailSuppressionRepository extends JpaRepository<EmailSuppression, String> {

  Optional<EmailSuppression> findByEmail(String email);

  List<EmailSuppression> findByEmailIn(Collection<String> emails);
}
