package io.leadflow.lead;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
  private final CaptureRecordRepository captures;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate transaction;
  private final Clock clock;

  LeadCapture(
      LeadRepository leads,
      LeadLifecycle lifecycle,
      CaptureRecordRepository captures,
      ApplicationEventPublisher events,
      PlatformTransactionManager transactionManager,
      Clock clock) {
    this.leads = leads;
    this.lifecycle = lifecycle;
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

  /**
   * Captures many valid profiles with distinct emails in the caller's transaction, each exactly as
   * {@link #capture} would (new lead and journey, or profile update), with one query for the leads
   * that are known already (locked, in id order). Imports take their rows this way, a batch per
   * transaction. A lead captured concurrently by someone else makes the transaction fail at commit
   * (unique email): the caller retries the batch, which then finds it known.
   *
   * @throws IllegalArgumentException when two profiles have one email: the second must see the
   *     first committed (its journey started), so it belongs to the next batch
   */
  public Counts captureAll(List<LeadProfile> profiles, CaptureChannel channel, String capturedBy) {
    Set<String> emails = new LinkedHashSet<>();
    for (LeadProfile profile : profiles) {
      if (!emails.add(profile.email())) {
        throw new IllegalArgumentException("Two profiles of one batch have the email " + profile.email());
      }
    }
    if (profiles.isEmpty()) {
      return new Counts(0, 0);
    }
    Map<String, Lead> known = new HashMap<>();
    leads.lockAllByEmail(emails).forEach(lead -> known.put(lead.getEmail(), lead));
    int created = 0;
    for (LeadProfile profile : profiles) {
      if (captureOnce(profile, channel, capturedBy, Optional.ofNullable(known.get(profile.email())), false).created()) {
        created++;
      }
    }
    return new Counts(created, profiles.size() - created);
  }

  private Captured captureOnce(LeadProfile profile, CaptureChannel channel, String capturedBy) {
    return captureOnce(profile, channel, capturedBy, leads.lockByEmail(profile.email()), true);
  }

  /** @param flush whether a new lead is written at once (a concurrent capture of its email fails here, to be retried) */
  private Captured captureOnce(LeadProfile profile, CaptureChannel channel, String capturedBy, Optional<Lead> known,
      boolean flush) {
    Instant now = clock.instant();
    Lead lead = known.orElseGet(() -> Lead.captured(profile.email(), profile.campaign(), now));
    lead.updateProfile(profile, now);
    if (known.isEmpty()) {
      if (flush) {
        leads.saveAndFlush(lead);
      } else {
        leads.save(lead);
      }
      lifecycle.captured(lead);
      events.publishEvent(new NewLeadCaptured(lead));
    } else {
      events.publishEvent(new LeadProfileUpdated(lead));
    }
    captures.save(new CaptureRecord(lead, channel, profile.campaign(), known.isEmpty(), capturedBy, now));
    return new Captured(lead, known.isEmpty());
  }

  /** What {@link #captureAll} did: leads created and leads updated. */
  public record Counts(int created, int updated) {}

  /** The lead as stored, and whether this capture created it. */
  public record Captured(Lead lead, boolean created) {}
}
