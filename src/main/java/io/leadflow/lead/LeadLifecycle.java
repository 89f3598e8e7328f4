package io.leadflow.lead;

import io.leadflow.api.NotFound;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Consumer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * The one door through which a lead's status, stage and scores change. Each change that moves
 * status or stage is recorded as a transition (its time and cause: {@code GET
 * /api/leads/{id}/history}, the funnel reports) and queued in the lead change outbox, in the same
 * transaction ({@link LeadChangeOutbox}): after the
 * commit, {@link LeadChangeRelay} tells the journey and, when the lead became ready for sales,
 * starts the hand-off ({@link LeadChangesCommitted}), so no engine command runs in the transaction
 * that changes the lead. A change that moves nothing records and queues nothing.
 *
 * <p>Methods that take a lead id lock its row ({@code select ... for update}) first; methods that
 * take a {@link Lead} expect the caller to hold it locked in the current transaction ({@link
 * Leads#lock}, {@link Leads#lockAll}), as intake and scoring do. Every method needs a transaction.
 *
 * <p>Causes, as recorded: {@code CAPTURED}, {@code INTERACTION:<type>}, {@code PROFILE}, {@code
 * RESCORE}, {@code DECAY} (scoring); {@code CONTENT_USED_UP} (journey); {@code HANDED_TO_SALES},
 * {@code SALES_NOT_READY}, {@code OPPORTUNITY}, {@code WON}, {@code DISQUALIFIED_BY_SALES},
 * {@code QUALIFIED_BY_PHONE}, {@code DISQUALIFIED_BY_PHONE}, {@code DEAL_LOST} (sales); {@code UNSUBSCRIBED}.
 *
 * <p>It also keeps the lead's last-touch attribution ({@link #touched}), which moves no status.
 */
@Service
public class LeadLifecycle {

  public static final String CAPTURED = "CAPTURED";
  public static final String CONTENT_USED_UP = "CONTENT_USED_UP";
  public static final String HANDED_TO_SALES = "HANDED_TO_SALES";
  public static final String SALES_NOT_READY = "SALES_NOT_READY";
  public static final String OPPORTUNITY = "OPPORTUNITY";
  public static final String WON = "WON";
  public static final String QUALIFIED_BY_PHONE = "QUALIFIED_BY_PHONE";
  public static final String UNSUBSCRIBED = "UNSUBSCRIBED";
  /** The opportunity's deal was lost: back to nurturing (not into the bin). */
  public static final String DEAL_LOST = "DEAL_LOST";

  private final LeadRepository leads;
  private final LeadTransitionRepository transitions;
  private final ApplicationEventPublisher events;
  private final LeadChangeOutbox outbox;
  private final EmailSuppressions suppressions;
  private final ConsentRecords consents;
  private final Clock clock;

  LeadLifecycle(LeadRepository leads, LeadTransitionRepository transitions, ApplicationEventPublisher events,
      EmailSuppressions suppressions, ConsentRecords consents, LeadChangeOutbox outbox, Clock clock) {
    this.consents = consents;
    this.outbox = outbox;
    this.leads = leads;
    this.transitions = transitions;
    this.events = events;
    this.suppressions = suppressions;
    this.clock = clock;
  }

  /** A new lead, just stored: its first transition (NURTURING, TOFU), published like any other. */
  void captured(Lead lead) {
    record(lead, null, null, CAPTURED, clock.instant());
  }

  /** New score totals per dimension (the sums of the lead's score ledger); status and stage stay. */
  public void scored(Lead lead, int fit, int engagement, int social) {
    lead.scored(fit, engagement, social, clock.instant());
  }

  /**
   * What the rating and qualification decisions say of the (locked) lead. Status and stage follow
   * only while marketing nurtures it (see {@link Lead} for the rules: a hold from sales, the
   * keep-warm stage, an unsubscribed lead that asks for sales).
   *
   * @param qualification NURTURE, MARKETING_QUALIFIED or SALES_QUALIFIED
   * @param cause {@code INTERACTION:<type>}, {@code PROFILE}, {@code RESCORE} or {@code DECAY}
   */
  public void qualified(Lead lead, String rating, String qualification, FunnelStage scoredStage, String cause) {
    change(lead, cause, it -> it.qualified(rating, qualification, scoredStage, clock.instant()));
  }

  /**
   * The (locked) lead withdrew its consent: nothing is ever emailed to it again. The withdrawal is
   * a consent record (the first time only), telling how it reached us.
   */
  public void unsubscribed(Lead lead, ConsentChange how) {
    boolean first = lead.getStatus() != LeadStatus.UNSUBSCRIBED;
    change(lead, UNSUBSCRIBED, it -> it.unsubscribed(clock.instant()));
    if (first) {
      consents.changed(lead, false, lead.getConsentAt(), how);
    }
  }

  /**
   * The (locked) lead's address bounced for good: its address goes on the suppression list and
   * nothing can be emailed to it ({@code notEmailableReason} {@code HARD_BOUNCE}). Not a status:
   * published as {@link LeadEmailBounced} and queued for the engine (the journey ends)
   * the first time only.
   *
   * @param source what said so, for the suppression list (e.g. {@code EMAIL_BOUNCE Permanent})
   */
  public void emailBounced(Lead lead, String source) {
    Instant now = clock.instant();
    suppressions.add(lead.getEmail(), "HARD_BOUNCE", source, lead.getId(), now);
    if (lead.emailBounced(now)) {
      events.publishEvent(new LeadEmailBounced(lead));
      outbox.emailSuppressed(lead);
    }
  }

  /** {@link #emailBounced(Lead, String)} from a bounce report. */
  public void emailBounced(Lead lead) {
    emailBounced(lead, "EMAIL_BOUNCE");
  }

  /**
   * A transient bounce of the (locked) lead's address (soft, 4.x.x): only counted, until
   * {@code inARow} of them without an email reaching the lead in between count as a hard bounce.
   *
   * @return whether this one made the address bounce for good
   */
  public boolean emailBouncedTransiently(Lead lead, int inARow, String source) {
    int count = lead.bouncedTransiently(clock.instant());
    if (count >= inARow && lead.getEmailBouncedAt() == null) {
      emailBounced(lead, source + " (" + count + " transient bounces in a row)");
      return true;
    }
    return false;
  }

  /** An email reached the (locked) lead (a person opened or clicked it): transient bounces count from zero again. */
  public void emailReached(Lead lead) {
    lead.emailReached();
  }

  /**
   * The (locked) lead reported our email as spam: its address goes on the suppression list and
   * nothing more is emailed to it ({@code notEmailableReason} {@code COMPLAINT}); its journey ends.
   * Not a status, and not an unsubscribe: it still reaches sales when it asks.
   */
  public void emailComplained(Lead lead, String source) {
    Instant now = clock.instant();
    suppressions.add(lead.getEmail(), "COMPLAINT", source, lead.getId(), now);
    if (lead.emailSuppressed("COMPLAINT", now)) {
      outbox.emailSuppressed(lead);
    }
  }

  /** A new lead whose address is on the suppression list already: nothing is emailed to it ({@code SUPPRESSED}). */
  void capturedSuppressed(Lead lead) {
    lead.emailSuppressed("SUPPRESSED", clock.instant());
  }

  /**
   * Sending to the lead failed on its address itself (the mail sender cannot write it, or the mail
   * server refused the recipient for good): nothing is emailed to it again ({@code emailable}
   * false, {@code notEmailableReason} {@code INVALID_ADDRESS}). Not a status. Locks the lead.
   */
  public void emailAddressRefused(String leadId) {
    Lead lead = leads.lockById(leadId).orElseThrow(() -> new NotFound("lead", leadId));
    lead.emailAddressRefused(clock.instant());
  }

  /** Its stage's content is used up: kept warm with occasional content until its behaviour moves it. */
  public Lead keptWarm(String leadId) {
    return change(leadId, CONTENT_USED_UP, it -> it.keptWarm(clock.instant()));
  }

  /** Routed to a salesperson: the score no longer moves its status. */
  public Lead handedToSales(String leadId) {
    return change(leadId, HANDED_TO_SALES, it -> it.handedToSales(clock.instant()));
  }

  /**
   * Sales sent it back, not ready: nurtured again at the stage its score says, and not handed over
   * again before {@code notBefore} (null: whenever it qualifies).
   */
  public Lead returnedToNurturing(String leadId, Instant notBefore) {
    return change(leadId, SALES_NOT_READY, it -> it.backToNurturing(clock.instant(), notBefore));
  }

  /** Someone phoned it and qualified it: sales-qualified at once, whatever its score. */
  public Lead qualifiedByPhone(String leadId) {
    return change(leadId, QUALIFIED_BY_PHONE, it -> it.qualifiedByPhone(clock.instant()));
  }

  /** Sales sees a real opportunity in it (the CRM has it). */
  public Lead becameOpportunity(String leadId) {
    return change(leadId, OPPORTUNITY, it -> it.becameOpportunity(clock.instant()));
  }

  /**
   * The sale happened: a customer in the loyalty stage. Recording it twice changes nothing.
   *
   * @throws NotFound when there is no such lead
   */
  public Lead won(String leadId) {
    return change(leadId, WON, it -> it.won(clock.instant()));
  }

  /**
   * The opportunity's deal was lost: the lead goes back to NURTURING at the stage its score says,
   * with the cause {@code DEAL_LOST}, and its journey nurtures it again (as after "not ready"). It
   * is handed to sales again whenever it qualifies.
   *
   * @throws IllegalStateException when the lead is not an opportunity (see {@link Lead#mayLoseDeal()})
   */
  public Lead dealLost(String leadId) {
    return change(leadId, DEAL_LOST, it -> it.dealLost(clock.instant()));
  }

  /**
   * The (locked) lead engaged with a campaign at {@code at} (an interaction naming it): its
   * last-touch campaign, unless it is an opportunity or customer already. Moves no status.
   */
  public void touched(Lead lead, String campaign, Instant at) {
    lead.touched(campaign, at);
  }

  /**
   * Not a lead for us: nothing more is sent.
   *
   * @param cause {@code DISQUALIFIED_BY_SALES} or {@code DISQUALIFIED_BY_PHONE}
   */
  public Lead disqualified(String leadId, String cause) {
    return change(leadId, cause, it -> it.disqualified(clock.instant()));
  }

  /** The lead's transitions, oldest first. */
  public java.util.List<LeadTransitionView> history(String leadId) {
    return transitions.findByLeadIdOrderBySeqNoAsc(leadId).stream().map(LeadTransitionView::of).toList();
  }

  private Lead change(String leadId, String cause, Consumer<Lead> change) {
    Lead lead = leads.lockById(leadId).orElseThrow(() -> new NotFound("lead", leadId));
    change(lead, cause, change);
    return lead;
  }

  private void change(Lead lead, String cause, Consumer<Lead> change) {
    LeadStatus status = lead.getStatus();
    FunnelStage stage = lead.getStage();
    change.accept(lead);
    if (lead.getStatus() != status || lead.getStage() != stage) {
      record(lead, status, stage, cause, clock.instant());
    }
  }

  private void record(Lead lead, LeadStatus status, FunnelStage stage, String cause, Instant at) {
    if (lead.getStatus() != status) {
      lead.statusSince(at);
    }
    transitions.save(new LeadTransition(lead, status, stage, cause, at));
    boolean becameSalesReady = lead.getStatus() != status && lead.getStatus().isSalesReady()
        && (status == null || !status.isSalesReady());
    if (status != null || becameSalesReady) {
      // a new lead's journey starts with its state (nothing to tell), unless it is ready for sales at once
      outbox.stateChanged(lead, becameSalesReady);
    }
  }
}
