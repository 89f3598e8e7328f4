package io.leadflow.journey;

import io.leadflow.content.ContentCatalogue;
import io.leadflow.content.ContentItem;
import io.leadflow.content.ContentItemRepository;
import io.leadflow.delivery.ContentDelivery;
import io.leadflow.delivery.Delivery;
import io.leadflow.delivery.EmailAddressRefused;
import io.leadflow.delivery.RecipientSuppressed;
import io.leadflow.lead.DoubleOptIn;
import io.leadflow.lead.FunnelStage;
import io.leadflow.lead.Lead;
import io.leadflow.lead.Leads;
import io.leadflow.sales.PhoneCalls;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * What the journey sends: the welcome, then the best unsent content for the lead's stage. Each
 * send has a key of its own ({@code <journey>#welcome}, {@code <journey>#<n>} with n = sends so far
 * + 1, committed with the journey), so a job that is retried after a failure sends the same
 * content once, never twice and never another one. Knows nothing of the engine: the journey's
 * delegates ({@link JourneyDelegates}) read and write its variables.
 */
@Service
class JourneySends {

  private final Leads leads;
  private final ContentCatalogue catalogue;
  private final ContentDelivery delivery;
  private final ContentItemRepository content;
  private final PhoneCalls calls;
  private final FrequencyCap cap;
  private final Clock clock;
  private final ApplicationEventPublisher events;
  private final DoubleOptIn doubleOptIn;
  private final JourneySettings.PreferredFrequency preferredFrequency;

  JourneySends(Leads leads, ContentCatalogue catalogue, ContentDelivery delivery, ContentItemRepository content,
      PhoneCalls calls, FrequencyCap cap, Clock clock, ApplicationEventPublisher events, DoubleOptIn doubleOptIn,
      JourneySettings settings) {
    this.preferredFrequency = settings.preferredFrequency();
    this.cap = cap;
    this.clock = clock;
    this.doubleOptIn = doubleOptIn;
    this.leads = leads;
    this.catalogue = catalogue;
    this.delivery = delivery;
    this.content = content;
    this.calls = calls;
    this.events = events;
  }

  /**
   * "Send personalised welcome": the welcome content for the lead's persona, if the catalogue has one.
   *
   * @param journeyId the journey's id: part of the send's key
   * @return what was sent, or empty when the catalogue has no welcome for the lead
   * @throws LeadNotContactable when nothing may be emailed to the lead
   */
  Optional<Sent> welcome(String journeyId, String leadId) {
    Lead lead = contactable(leadId);
    String key = journeyId + "#welcome";
    return chosenBefore(key).or(() -> catalogue.welcomeFor(lead)).map(item -> send(lead, item, key));
  }

  /**
   * "Send next content for the stage": the best unsent content for the stage, of a topic the lead
   * keeps. While someone is phoning the lead nothing is sent and the journey waits for its next
   * turn. When one more email would pass the frequency cap (other journeys or channels emailed the
   * lead since this send was timed), or come sooner after the lead's last email than the frequency
   * it chose in the preference centre (weekly, monthly) allows, nothing is sent either: the send is
   * held until both allow it ({@code heldUntil}), and the journey's timer waits until then, not a
   * whole cadence.
   *
   * @param sendsSoFar the journey's sends so far: the next send's key is one more
   * @return whether the stage had content left, and what was sent
   * @throws LeadNotContactable when nothing may be emailed to the lead
   */
  NextSend next(String journeyId, String leadId, FunnelStage stage, int sendsSoFar) {
    Lead lead = contactable(leadId);
    if (calls.isOpenFor(leadId)) {
      return new NextSend(true, Optional.empty(), null);
    }
    String key = journeyId + "#" + (sendsSoFar + 1);
    Optional<ContentItem> before = chosenBefore(key);
    Instant now = clock.instant();
    Instant allowed = cap.earliest(leadId, now);
    if (before.isEmpty()) {
      // the person asked for email weekly or monthly at most (the preference centre); a retry of a
      // send that already chose its content is not held by it
      Instant chosen = chosenFrequencyAllows(lead, now);
      allowed = chosen.isAfter(allowed) ? chosen : allowed;
    }
    if (allowed.isAfter(now)) {
      return new NextSend(true, Optional.empty(), allowed);
    }
    Optional<ContentItem> next = before.or(() -> catalogue.nextFor(lead, stage, delivery.sentContentIds(leadId)));
    return new NextSend(next.isPresent(), next.map(item -> send(lead, item, key)), null);
  }

  /**
   * "Send the confirmation request" / "Remind once" (double opt-in): the catalogue's confirmation
   * request, whose link confirms the address. Nothing is sent when the lead may not be emailed or
   * the catalogue has no request: the lead then expires unconfirmed.
   *
   * @param reminder whether this is the one reminder (a send of its own)
   */
  Optional<Sent> optInRequest(String journeyId, String leadId, boolean reminder) {
    Lead lead = leads.find(leadId).orElseThrow(() -> new IllegalStateException("The journey's lead " + leadId + " is gone"));
    if (!lead.mayBeContacted()) {
      return Optional.empty();
    }
    String key = journeyId + (reminder ? "#opt-in-reminder" : "#opt-in");
    try {
      Optional<Sent> sent = chosenBefore(key).or(() -> catalogue.optInRequestFor(lead)).map(item -> send(lead, item, key));
      sent.ifPresent(done -> doubleOptIn.requested(leadId));
      return sent;
    } catch (LeadNotContactable refused) {
      return Optional.empty();
    }
  }

  /** "Expire from nurturing": the lead never confirmed its address. */
  void optInExpired(String leadId) {
    doubleOptIn.expired(leadId);
  }

  /** @throws LeadNotContactable also when the send failed on the lead's address (permanent: no retries) */
  private Sent send(Lead lead, ContentItem item, String key) {
    try {
      Delivery sent = delivery.send(lead, item, key);
      return new Sent(item.getId());
    } catch (EmailAddressRefused refused) {
      throw new LeadNotContactable(lead.getId(), "INVALID_ADDRESS: " + refused.getMessage());
    } catch (RecipientSuppressed suppressed) {
      throw new LeadNotContactable(lead.getId(), suppressed.getMessage());
    }
  }

  /**
   * {@code now} when the frequency the lead chose allows an email now, else when it does: its last
   * email plus the chosen gap.
   */
  private Instant chosenFrequencyAllows(Lead lead, Instant now) {
    Duration gap = preferredFrequency.gap(lead.emailFrequency());
    if (gap.isZero()) {
      return now;
    }
    return delivery.lastSentAt(lead.getId()).map(last -> last.plus(gap)).filter(allowed -> allowed.isAfter(now)).orElse(now);
  }

  /** The content a failed attempt of this same send already chose. */
  private Optional<ContentItem> chosenBefore(String key) {
    return delivery.find(key).flatMap(earlier -> content.findById(earlier.getContentId()));
  }

  private Lead contactable(String leadId) {
    Lead lead = leads.find(leadId).orElseThrow(() -> new IllegalStateException("The journey's lead " + leadId + " is gone"));
    if (!lead.mayBeContacted()) {
      events.publishEvent(new EmailSuppressed(leadId,
          lead.notEmailableReason() != null ? lead.notEmailableReason() : lead.getStatus().name()));
      throw new LeadNotContactable(leadId, lead.getStatus() + (lead.notEmailableReason() == null ? "" : ", " + lead.notEmailableReason()));
    }
    return lead;
  }

  /** One content sent: its id, and when the mail server took it (null: not yet). */
  record Sent(String contentId) {}

  /**
   * The outcome of "Send next content": whether the stage had content left, what was sent, and
   * until when the send is held by the frequency cap or the lead's chosen frequency (null: it was
   * not).
   */
  record NextSend(boolean contentLeft, Optional<Sent> sent, Instant heldUntil) {}

  /** Nothing may be emailed to the lead (unsubscribed, disqualified, bounced, no consent). */
  static final class LeadNotContactable extends RuntimeException {
    LeadNotContactable(String leadId, String why) {
      super("Lead " + leadId + " may not be contacted (" + why + ")");
    }
  }
}
