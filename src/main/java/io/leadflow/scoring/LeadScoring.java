package io.leadflow.scoring;

import io.leadflow.interaction.Interaction;
import io.leadflow.interaction.InteractionRepository;
import io.leadflow.interaction.InteractionType;
import io.leadflow.lead.FunnelStage;
import io.leadflow.lead.Lead;
import io.leadflow.lead.LeadProfileUpdated;
import io.leadflow.lead.LeadStateChanged;
import io.leadflow.lead.LeadStatus;
import io.leadflow.lead.NewLeadCaptured;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;

/**
 * Keeps a lead's scores, rating, status and stage what the scoring decisions say, and every
 * change in the ledger. Runs in the caller's transaction. When status or stage change, a
 * {@link LeadStateChanged} is published so the journey is told; when nothing changes, nothing
 * else is touched.
 */
@Service
public class LeadScoring {

  private final LeadScorer scorer;
  private final ScoreLedger ledger;
  private final Qualification qualification;
  private final InteractionRepository interactions;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  LeadScoring(LeadScorer scorer, ScoreLedger ledger, Qualification qualification, InteractionRepository interactions,
      ApplicationEventPublisher events, Clock clock) {
    this.scorer = scorer;
    this.ledger = ledger;
    this.qualification = qualification;
    this.interactions = interactions;
    this.events = events;
    this.clock = clock;
  }

  /**
   * The day's actions of these leads, for the daily caps: one for every
   * {@link #recordInteraction} of a transaction that holds these leads' locks.
   */
  public DailyActions dailyActions(Collection<String> leadIds, Collection<InteractionType> types) {
    return new DailyActions(interactions, leadIds, types);
  }

  /**
   * Scores a new interaction of the lead, stores it and returns the points it added. It is stored
   * here, once its points are known and before the ledger rows that name it: so its row is written
   * once, points included (not inserted and then updated), and among a transaction's batched
   * inserts interactions come before score entries (Hibernate orders batched inserts by the entity
   * persisted first; ours name each other by id, not by mapped associations).
   */
  public int recordInteraction(Lead lead, Interaction interaction, DailyActions days) {
    LeadStatus status = lead.getStatus();
    FunnelStage stage = lead.getStage();
    List<Contribution> contributions = scorer.interaction(interaction, days.countIn(interaction), clock.instant());
    int points = contributions.stream().mapToInt(Contribution::points).sum();
    interaction.scored(points);
    interactions.save(interaction);
    ledger.add(lead, contributions, ScoreCause.INTERACTION);
    if (interaction.getType() == InteractionType.UNSUBSCRIBE) {
      lead.unsubscribed(clock.instant());
    }
    qualify(lead, interaction.getType().name(), status, stage);
    return points;
  }

  /** Scores a new lead's profile before its journey starts, so the journey starts with it. */
  @EventListener
  @Order(1)
  void onNewLead(NewLeadCaptured event) {
    scoreProfile(event.lead());
  }

  @EventListener
  void onProfileUpdated(LeadProfileUpdated event) {
    scoreProfile(event.lead());
  }

  /** Fit and social presence after the profile was captured or changed. */
  public void scoreProfile(Lead lead) {
    LeadStatus status = lead.getStatus();
    FunnelStage stage = lead.getStage();
    ledger.reconcile(lead, scorer.profile(lead), key -> key.interactionId() == null, ScoreCause.PROFILE);
    qualify(lead, null, status, stage);
  }

  /**
   * Everything again, under the rules deployed now and with the decay of today: the profile and
   * every interaction. The ledger gets only the differences.
   */
  public void recalculate(Lead lead, ScoreCause cause) {
    LeadStatus status = lead.getStatus();
    FunnelStage stage = lead.getStage();
    Instant now = clock.instant();
    List<Contribution> targets = new ArrayList<>(scorer.profile(lead));
    Map<String, Long> perDayAndType = new HashMap<>();
    for (Interaction interaction : interactions.findByLeadIdOrderByOccurredAtAscIdAsc(lead.getId())) {
      LocalDate day = interaction.getOccurredAt().atOffset(ZoneOffset.UTC).toLocalDate();
      long timesToday = perDayAndType.merge(day + "/" + interaction.getType(), 1L, Long::sum);
      targets.addAll(scorer.interaction(interaction, timesToday, now));
    }
    ledger.reconcile(lead, targets, key -> true, cause);
    qualify(lead, null, status, stage);
  }

  /** The lead's account: its company's leads' engagement plus the company's fit. */
  public int companyFit(Lead lead) {
    return scorer.companyFit(lead);
  }

  private void qualify(Lead lead, String trigger, LeadStatus previousStatus, FunnelStage previousStage) {
    Qualification.Outcome outcome = qualification.of(lead, trigger);
    lead.qualified(outcome.rating(), outcome.qualification(), outcome.stage(), clock.instant());
    if (lead.getStatus() != previousStatus || lead.getStage() != previousStage) {
      events.publishEvent(new LeadStateChanged(lead, previousStatus, previousStage));
    }
  }
}
