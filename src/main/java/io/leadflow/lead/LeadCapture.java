package io.leadflow.lead;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Captures a lead: a new email becomes a lead whose journey starts in the same transaction; a
 * known email (case-insensitively) updates the profile and never starts a second journey. Every
 * capture is recorded.
 */
@Service
public class LeadCapture {

  private static final Logger log = LoggerFactory.getLogger(LeadCapture.class);

  private final LeadRepository leads;
  private final LeadLifecycle lifecycle;
  private final LeadErasures erasures;
  private final PrivacySettings privacy;
  private final CaptureRecordRepository captures;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate transaction;
  private final Clock clock;

  private final EmailSuppressions suppressions;

  LeadCapture(
      LeadRepository leads,
      LeadLifecycle lifecycle,
      LeadErasures erasures,
      PrivacySettings privacy,
      CaptureRecordRepository captures,
      ApplicationEventPublisher events,
      EmailSuppressions suppressions,
      PlatformTransactionManager transactionManager,
      Clock clock) {
    this.suppressions = suppressions;
    this.leads = leads;
    this.lifecycle = lifecycle;
    this.erasures = erasures;
    this.privacy = privacy;
    this.captures = captures;
    this.events = events;
    this.transaction = new TransactionTemplate(transactionManager);
    this.clock = clock;
  }

  /**
   * @param profile a valid profile (see {@link LeadProfile})
   * @param capturedBy the user or system that sent it
   */
  public Captured capture(LeadProfile profile, CaptureChannel channel, String capturedBy) {
    try {
      return transaction.execute(status -> captureOnce(profile, channel, capturedBy));
    } catch (DataIntegrityViolationException sameEmailAtOnce) {
      // another request stored this new email a moment ago: now it is a known lead
      log.debug("Lead {} was captured concurrently; updating it", profile.email());
      return transaction.execute(status -> captureOnce(profile, channel, capturedBy));
    }
  }

  private Captured captureOnce(LeadProfile profile, CaptureChannel channel, String capturedBy) {
    Instant now = clock.instant();
    Optional<Lead> known = leads.lockByEmail(profile.email());
    Lead lead = known.orElseGet(() -> Lead.captured(profile.email(), profile.campaign(), now));
    lead.updateProfile(profile, now);
    if (known.isEmpty()) {
      erasures.erasedAt(profile.email()).ifPresent(erasedAt -> {
        if (privacy.erasedAddress() == PrivacySettings.ErasedAddress.REFUSE) {
          throw new AddressErased(erasedAt);
        }
        lead.previouslyErased(erasedAt);
      });
      if (suppressions.reasonFor(lead.getEmail()).isPresent()) {
        lifecycle.capturedSuppressed(lead);
      }
      leads.saveAndFlush(lead);
      lifecycle.captured(lead);
      events.publishEvent(new NewLeadCaptured(lead));
    } else {
      lead.touched(profile.campaign(), now);
      events.publishEvent(new LeadProfileUpdated(lead));
    }
    captures.save(new CaptureRecord(lead, channel, profile.campaign(), known.isEmpty(), capturedBy, now));
    return new Captured(lead, known.isEmpty());
  }

  /** The lead as stored, and whether this capture created it. */
  public record Captured(Lead lead, boolean created) {}
}
