package io.leadflow.lead;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jakarta.persistence.EntityManager;
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
 * capture is recorded, and so is every consent change it brings ({@link ConsentRecords}).
 */
@Service
public class LeadCapture {

  private static final Logger log = LoggerFactory.getLogger(LeadCapture.class);
  /** Profiles of {@link #captureAll} per query for known leads and per flush (a few JDBC batches of hibernate.jdbc.batch_size). */
  private static final int CHUNK = 50;

  private final LeadRepository leads;
  private final LeadLifecycle lifecycle;
  private final LeadErasures erasures;
  private final PrivacySettings privacy;
  private final CaptureRecordRepository captures;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final EntityManager entityManager;

  private final EmailSuppressions suppressions;
  private final LeadTableStatistics statistics;
  private final ConsentRecords consents;
  private final DoubleOptInSettings doubleOptIn;

  LeadCapture(
      LeadRepository leads,
      LeadLifecycle lifecycle,
      LeadErasures erasures,
      PrivacySettings privacy,
      CaptureRecordRepository captures,
      ApplicationEventPublisher events,
      EmailSuppressions suppressions,
      PlatformTransactionManager transactionManager,
      Clock clock,
      EntityManager entityManager,
      LeadTableStatistics statistics,
      ConsentRecords consents,
      DoubleOptInSettings doubleOptIn) {
    this.consents = consents;
    this.doubleOptIn = doubleOptIn;
    this.suppressions = suppressions;
    this.statistics = statistics;
    this.leads = leads;
    this.lifecycle = lifecycle;
    this.erasures = erasures;
    this.privacy = privacy;
    this.captures = captures;
    this.events = events;
    this.transaction = new TransactionTemplate(transactionManager);
    this.clock = clock;
    this.entityManager = entityManager;
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
   * {@link #capture} would (new lead and journey, or profile update), with a query per chunk of
   * them for the leads that are known already (locked, in id order). It writes and clears the
   * persistence context as it goes: the caller holds no entity it needs afterwards. Imports take their rows this way, a batch per
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
    int created = 0;
    for (int from = 0; from < profiles.size(); from += CHUNK) {
      created += captureChunk(profiles.subList(from, Math.min(from + CHUNK, profiles.size())), channel, capturedBy);
    }
    statistics.created(created);
    return new Counts(created, profiles.size() - created);
  }

  /**
   * A chunk of {@link #captureAll}: its known leads in one query; its new leads stored first (their
   * rows go out before the captures, transitions and score entries that name them: Hibernate
   * orders a flush's inserts by the kind of entity persisted first); then each profile as {@link
   * #capture} does. Written and let go at the end, so the persistence context, which every flush
   * checks whole, stays small however large the batch.
   */
  private int captureChunk(List<LeadProfile> profiles, CaptureChannel channel, String capturedBy) {
    Instant now = clock.instant();
    Map<String, Lead> known = new HashMap<>();
    leads.lockAllByEmail(profiles.stream().map(LeadProfile::email).toList()).forEach(lead -> known.put(lead.getEmail(), lead));
    List<String> newEmails = profiles.stream().map(LeadProfile::email).filter(email -> !known.containsKey(email)).toList();
    Map<String, Instant> erased = erasures.erasedAt(newEmails);
    Set<String> suppressed = suppressions.suppressedAmong(newEmails);
    Map<String, Lead> fresh = new HashMap<>();
    Set<LeadProfile> consentsToRecord = new java.util.HashSet<>();
    for (LeadProfile profile : profiles) {
      if (!known.containsKey(profile.email())) {
        Lead lead = Lead.captured(profile.email(), profile.campaign(), now);
        if (lead.updateProfile(profile, now)) {
          consentsToRecord.add(profile);
        }
        beforeFirstSave(lead, channel, erased.get(profile.email()), suppressed.contains(profile.email()));
        leads.save(lead);
        fresh.put(profile.email(), lead);
      }
    }
    for (LeadProfile profile : profiles) {
      Lead lead = fresh.get(profile.email());
      if (lead != null) {
        lifecycle.captured(lead);
        events.publishEvent(new NewLeadCaptured(lead));
      } else {
        lead = known.get(profile.email());
        if (lead.updateProfile(profile, now)) {
          consentsToRecord.add(profile);
        }
        lead.touched(profile.campaign(), now);
        events.publishEvent(new LeadProfileUpdated(lead));
      }
      captures.save(new CaptureRecord(lead, channel, profile.campaign(), fresh.containsKey(profile.email()), capturedBy, now));
      if (consentsToRecord.contains(profile)) {
        consents.captured(lead, profile.consent(), channel.name(), capturedBy);
      }
    }
    entityManager.flush();
    entityManager.clear();
    return fresh.size();
  }

  private Captured captureOnce(LeadProfile profile, CaptureChannel channel, String capturedBy) {
    Instant now = clock.instant();
    Optional<Lead> known = leads.lockByEmail(profile.email());
    Lead lead = known.orElseGet(() -> Lead.captured(profile.email(), profile.campaign(), now));
    boolean consentChanged = lead.updateProfile(profile, now);
    if (known.isEmpty()) {
      beforeFirstSave(lead, channel, erasures.erasedAt(profile.email()).orElse(null),
          suppressions.reasonFor(profile.email()).isPresent());
      leads.saveAndFlush(lead);
      lifecycle.captured(lead);
      events.publishEvent(new NewLeadCaptured(lead));
    } else {
      lead.touched(profile.campaign(), now);
      events.publishEvent(new LeadProfileUpdated(lead));
    }
    captures.save(new CaptureRecord(lead, channel, profile.campaign(), known.isEmpty(), capturedBy, now));
    if (consentChanged) {
      consents.captured(lead, profile.consent(), channel.name(), capturedBy);
    }
    return new Captured(lead, known.isEmpty());
  }

  /**
   * A new lead, before it is first stored: an address erased at the person's request is refused
   * ({@link AddressErased}) or flagged (leadflow.privacy.erased-address); one on the suppression
   * list is captured as not emailable; one double opt-in applies to must confirm its address
   * before it is nurtured ({@link DoubleOptInSettings}).
   */
  private void beforeFirstSave(Lead lead, CaptureChannel channel, Instant erasedAt, boolean suppressed) {
    if (doubleOptIn.requiredFor(lead, channel)) {
      lead.optInRequired();
    }
    if (erasedAt != null) {
      if (privacy.erasedAddress() == PrivacySettings.ErasedAddress.REFUSE) {
        throw new AddressErased(erasedAt);
      }
      lead.previouslyErased(erasedAt);
    }
    if (suppressed) {
      lifecycle.capturedSuppressed(lead);
    }
  }

  /**
   * The refusals captures of these (canonical) addresses would meet: those erased at the person's
   * request, when erased addresses are refused. One query; an import checks its rows with it.
   */
  Map<String, AddressErased> erasedRefusals(java.util.Collection<String> emails) {
    if (privacy.erasedAddress() != PrivacySettings.ErasedAddress.REFUSE) {
      return Map.of();
    }
    Map<String, AddressErased> refusals = new HashMap<>();
    erasures.erasedAt(emails).forEach((email, at) -> refusals.put(email, new AddressErased(at)));
    return refusals;
  }

  /** What {@link #captureAll} did: leads created and leads updated. */
  public record Counts(int created, int updated) {}

  /** The lead as stored, and whether this capture created it. */
  public record Captured(Lead lead, boolean created) {}
}
