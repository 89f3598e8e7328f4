package io.leadflow.lead;

import io.leadflow.api.NotFound;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Double opt-in ({@link DoubleOptInSettings}): a new lead it applies to is asked once to confirm
 * its address, reminded once, and expires from nurturing when it never confirms. Its confirmation
 * is a consent record and is queued for the engine ({@link LeadChangeOutbox}: the journey starts
 * nurturing once it is told). Not a
 * status: a lead that asks for sales reaches sales, confirmed or not.
 */
@Service
public class DoubleOptIn {

  private final LeadRepository leads;
  private final ConsentRecords consents;
  private final LeadChangeOutbox outbox;
  private final DoubleOptInSettings settings;
  private final Clock clock;

  DoubleOptIn(LeadRepository leads, ConsentRecords consents, LeadChangeOutbox outbox,
      DoubleOptInSettings settings, Clock clock) {
    this.leads = leads;
    this.consents = consents;
    this.outbox = outbox;
    this.settings = settings;
    this.clock = clock;
  }

  /** The confirmation request went out to the lead. */
  @Transactional
  public void requested(String leadId) {
    lock(leadId).optInRequested(clock.instant());
  }

  /**
   * The person confirmed their address (the signed link of the request).
   *
   * @return false when there was nothing to confirm (not asked, confirmed already, or expired)
   */
  @Transactional
  public boolean confirm(String leadId, ConsentChange how) {
    Lead lead = lock(leadId);
    Instant now = clock.instant();
    if (!lead.optInConfirmed(now)) {
      return false;
    }
    consents.changed(lead, true, now, how);
    outbox.optInConfirmed(leadId);
    return true;
  }

  /** The lead never confirmed: nothing more is emailed to it by the journey. */
  @Transactional
  public void expired(String leadId) {
    lock(leadId).optInExpired(clock.instant());
  }

  /** How long after the request the one reminder goes out (ISO-8601, for the journey's timer). */
  public String remindAfter() {
    return settings.remindAfter().toString();
  }

  /** How long after the reminder an unconfirmed lead expires (ISO-8601, for the journey's timer). */
  public String expireAfter() {
    return settings.expireAfter().toString();
  }

  private Lead lock(String leadId) {
    return leads.lockById(leadId).orElseThrow(() -> new NotFound("lead", leadId));
  }
}
