package io.leadflow.lead;

import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The suppression list: addresses that bounced for good (a hard bounce, or
 * {@code leadflow.email.bounces.transient-in-a-row} transient ones in a row) or complained (a
 * spam report). Every send asks it first ({@code delivery.ContentDelivery}); addresses go on it
 * through the lead's lifecycle ({@link LeadLifecycle#emailBounced}, {@link LeadLifecycle#emailComplained}),
 * never off it by themselves (an administrator removes a row after the person asks).
 */
@Service
public class EmailSuppressions {

  private final EmailSuppressionRepository suppressions;

  EmailSuppressions(EmailSuppressionRepository suppressions) {
    this.suppressions = suppressions;
  }

  /** Why nothing may be sent to this address ({@code HARD_BOUNCE}, {@code COMPLAINT}), or empty when it is not on the list. */
  @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
  public Optional<String> reasonFor(String email) {
    return email == null ? Optional.empty() : suppressions.findByEmail(email).map(EmailSuppression::getReason);
  }

  /** Which of these addresses are on the list: one query for a batch of captures. */
  java.util.Set<String> suppressedAmong(java.util.Collection<String> emails) {
    return emails.isEmpty() ? java.util.Set.of() : suppressions.findByEmailIn(emails).stream()
        .map(EmailSuppression::getEmail).collect(java.util.stream.Collectors.toSet());
  }

  /**
   * The person asked to be forgotten: their address leaves the list too (it is not kept anywhere;
   * the erasure's keyed hash stops the address from being captured again).
   */
  void forget(String email) {
    suppressions.findByEmail(email).ifPresent(suppressions::delete);
  }

  /** Puts the address on the list (once: the first reason stays). In the caller's transaction. */
  void add(String email, String reason, String source, String leadId, java.time.Instant at) {
    if (suppressions.findByEmail(email).isEmpty()) {
      suppressions.save(new EmailSuppression(email, reason, source, leadId, at));
    }
  }
}
