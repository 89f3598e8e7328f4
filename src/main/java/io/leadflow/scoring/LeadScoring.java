package io.leadflow.scoring;

import io.leadflow.interaction.Interaction;
import io.leadflow.interaction.InteractionRepository;
import io.leadflow.interaction.InteractionType;
import io.leadflow.lead.ConsentChange;
import io.leadflow.lead.Lead;
import io.leadflow.lead.LeadLifecycle;
import io.leadflow.lead.LeadProfileUpdated;
import io.leadflow.lead.NewLeadCaptured;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;

/**
 * Keeps a lead's scores, rating, status and stage what the scoring decisions say, and every
 * change in the ledger. Runs in the caller's transaction, on a lead the caller holds locked. Status
 * and stage change through the lead's lifecycle ({@link LeadLifecycle#qualified}), which tells the
 * journey and starts the hand-off; when nothing changes, nothing else is touched.
 */
@Service
public class LeadScoring {

  private final LeadScorer scorer;
  private final ScoreLedger ledger;
  private final Qualification qualification;
  private final InteractionRepository interactions;
  private final LeadLifecycle lifecycle;
  private final InteractionFilter filter;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  LeadScoring(LeadScorer scorer, ScoreLedger ledger, Qualification qualification, InteractionRepository interactions,
      LeadLifecycle lifecycle, InteractionFilter filter, Clock clock, ApplicationEventPublisher events) {
    this.filter = filter;
    this.scorer = scorer;
    this.ledger = ledger;
    this.qualification = qualification;
    this.interactions = interactions;
    this.lifecycle = lifecycle;
    this.clock = clock;
    this.events = events;
  }

  /**
   * The day's actions of these leads, for the daily caps: one for every
   * {@link #recordInteraction} of a transaction that holds these leads' locks.
   */
  public DailyActions dailyActions(Collection<String> leadIds) {
    return new DailyActions(interactions, leadIds);
  }

  /**
   * Scores a new interaction of the lead, stores it and returns the points it added. An email
   * open or click the interaction filter ({@code bpmn/interaction-filter.dmn}) judges machine-made
   * or repeated is stored as filtered with 0 points and a ledger row that says why. It is stored
   * here, once its points are known and before the ledger rows that name it: so its row is written
   * once, points included (not inserted and then updated), and among a transaction's batched
   * inserts interactions come before score entries (Hibernate orders batched inserts by the entity
   * persisted first; ours name each other by id, not by mapped associations).
   */
  public int recordInteraction(Lead lead, Interaction interaction, DailyActions days) {
    Optional<Contribution> notAPerson = filter.judge(interaction);
    if (notAPerson.isPresent()) {
      // recorded, explained in the ledger at 0 points, and not counted against the daily caps
      interaction.filtered(notAPerson.get().reason());
      interactions.save(interaction);
      ledger.explain(lead, notAPerson.get(), ScoreCause.INTERACTION);
      events.publishEvent(new InteractionScored(lead.getId(), interaction.getType(), 0, true));
      return 0;
    }
    days.countIn(interaction);
    List<Contribution> contributions = scorer.interaction(interaction, days, clock.instant());
    int points = contributions.stream().mapToInt(Contribution::points).sum();
    interaction.scored(points);
    interactions.save(interaction);
    ledger.add(lead, contributions, ScoreCause.INTERACTION);
    events.publishEvent(new InteractionScored(lead.getId(), interaction.getType(), points, false));
    if (interaction.getType() == InteractionType.UNSUBSCRIBE) {
      lifecycle.unsubscribed(lead, howUnsubscribed(interaction));
    }
    qualify(lead, interaction.getType().name(), "INTERACTION:" + interaction.getType().name());
    return points;
  }

  /**
   * Where an unsubscribe came from, for its consent record: the link of an email we sent (the
   * tracking link names the delivery), or an integration's report of one (its channel as source).
   */
  private static ConsentChange howUnsubscribed(Interaction interaction) {
    if (interaction.getDeliveryId() != null && Interaction.PREFERENCE_CENTRE_CHANNEL.equals(interaction.getChannel())) {
      return new ConsentChange(ConsentChange.PREFERENCE_CENTRE, "preference centre of delivery " + interaction.getDeliveryId(),
          null, null, null);
    }
    if (interaction.getDeliveryId() != null && Interaction.EMAIL_CHANNEL.equals(interaction.getChannel())) {
      return new ConsentChange(ConsentChange.EMAIL_LINK, "unsubscribe link of delivery " + interaction.getDeliveryId(),
          null, null, null);
    }
    return new ConsentChange(ConsentChange.INTERACTION, interaction.getChannel(), null, null, null);
  }

  /** Scores a new lead's profile before its journey starts, so the journey starts with it. */
  @EventListener
  @Order(1)
  void onNewLead(NewLeadCaptured event) {
    Lead lead = event.lead();
    ledger.first(lead, scorer.profile(lead), ScoreCause.PROFILE);
    qualify(lead, null, ScoreCause.PROFILE.name());
  }

  @EventListener
  void onProfileUpdated(LeadProfileUpdated event) {
    scoreProfile(event.lead());
  }

  /** Fit and social presence after the profile was captured or changed. */
  public void scoreProfile(Lead lead) {
    ledger.reconcile(lead, scorer.profile(lead), key -> key.interactionId() == null, ScoreCause.PROFILE);
    qualify(lead, null, ScoreCause.PROFILE.name());
  }

  /**
   * Everything again, under the rules deployed now and with the decay of today: the profile and
   * every interaction. The ledger gets only the differences.
   */
  public void recalculate(Lead lead, ScoreCause cause) {
    Instant now = clock.instant();
    List<Contribution> targets = new ArrayList<>(scorer.profile(lead));
    DailyActions days = DailyActions.inMemory(lead.getId());
    for (Interaction interaction : interactions.findByLeadIdOrderByOccurredAtAscIdAsc(lead.getId())) {
      if (interaction.isFiltered()) {
        // judged when it was recorded; its 0-point ledger row stays as it is
        continue;
      }
      days.countIn(interaction);
      targets.addAll(scorer.interaction(interaction, days, now));
    }
    ledger.reconcile(lead, targets, key -> true, cause);
    qualify(lead, null, cause.name());
  }

  /** The lead's account: its company's leads' engagement plus the company's fit. */
  public int companyFit(Lead lead) {
    return scorer.companyFit(lead);
  }

  private void qualify(Lead lead, String trigger, String cause) {
    Qualification.Outcome outcome = qualification.of(lead, trigger);
    lifecycle.qualified(lead, outcome.rating(), outcome.qualification(), outcome.stage(), cause);
  }
}
