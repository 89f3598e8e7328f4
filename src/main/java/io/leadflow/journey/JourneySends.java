package io.leadflow.journey;

import io.leadflow.content.ContentCatalogue;
import io.leadflow.content.ContentItem;
import io.leadflow.content.ContentItemRepository;
import io.leadflow.delivery.ContentDelivery;
import io.leadflow.delivery.Delivery;
import io.leadflow.delivery.EmailAddressRefused;
import io.leadflow.delivery.RecipientSuppressed;
import io.leadflow.lead.FunnelStage;
import io.leadflow.lead.Lead;
import io.leadflow.lead.Leads;
import io.leadflow.sales.PhoneCalls;
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
  private final java.time.Clock clock;
  private final ApplicationEventPublisher events;

  JourneySends(Leads leads, ContentCatalogue catalogue, ContentDelivery delivery, ContentItemRepository content,
      PhoneCalls calls, FrequencyCap cap, java.time.Clock clock, ApplicationEventPublisher events) {
    this.cap = cap;
    this.clock = clock;
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
   * "Send next content for the stage": the best unsent content for the stage. While someone is
   * phoning the lead nothing is sent and the journey waits for its next turn. When one more email
   * would pass the frequency cap (other journeys or channels emailed the lead since this send was
   * timed) nothing is sent either: the send is held until the cap allows it ({@code heldUntil}),
   * and the journey's timer waits until then, not a whole cadence.
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
    Instant now = clock.instant();
    Instant allowed = cap.earliest(leadId, now);
    if (allowed.isAfter(now)) {
      return new NextSend(true, Optional.empty(), allowed);
    }
    String key = journeyId + "#" + (sendsSoFar + 1);
    Optional<ContentItem> next = chosenBefore(key)
        .or(() -> catalogue.nextFor(lead, stage, delivery.sentContentIds(leadId)));
    return new NextSend(next.isPresent(), next.map(item -> send(lead, item, key)), null);
  }

  /** @throws LeadNotContactable also when the send failed on the lead's address (permanent: no retries) */
  private Sent send(Lead lead, ContentItem item, String key) {
    try {
      Delivery sent = delivery.send(lead, item, key);
      return new Sent(item.getId(), sent.getSentAt());
    } catch (EmailAddressRefused refused) {
      throw new LeadNotContactable(lead.getId(), "INVALID_ADDRESS: " + refused.getMessage());
    } catch (RecipientSuppressed suppressed) {
      throw new LeadNotContactable(lead.getId(), suppressed.getMessage());
    }
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
  record Sent(String contentId, Instant sentAt) {}

  /**
   * The outcome of "Send next content": whether the stage had content left, what was sent, and
   * until when the send is held by the frequency cap (null: it was not).
   */
  record NextSend(boolean contentLeft, Optional<Sent> sent, Instant heldUntil) {}

  /** Nothing may be emailed to the lead (unsubscribed, disqualified, bounced, no consent). */
  static final class LeadNotContactable extends RuntimeException {
    LeadNotContactable(String leadId, String why) {
      super("Lead " + leadId + " may not be contacted (" + why + ")");
    }
  }
}
