package io.leadflow.scoring;

import io.leadflow.interaction.InteractionRepository;
import io.leadflow.lead.Leads;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;

/**
 * Recalculates lead scores a batch at a time (bpmn/score-recalculation.bpmn runs the batches,
 * each in a transaction of its own, so intake is never blocked for long). A rescore takes every
 * lead; the nightly decay only leads with interactions young enough to still be decaying.
 */
@Service
public class ScoreRecalculation {

  private final Leads leads;
  private final InteractionRepository interactions;
  private final LeadScoring scoring;
  private final DecayPolicy decay;
  private final Clock clock;
  private final int batchSize;

  ScoreRecalculation(Leads leads, InteractionRepository interactions, LeadScoring scoring, DecayPolicy decay,
      Clock clock, @Value("${leadflow.scoring.recalculation-batch-size:200}") int batchSize) {
    this.leads = leads;
    this.interactions = interactions;
    this.scoring = scoring;
    this.decay = decay;
    this.clock = clock;
    this.batchSize = batchSize;
  }

  /** How many leads a run will look at. */
  public long leadsToRecalculate(ScoreCause cause) {
    return cause == ScoreCause.DECAY
        ? interactions.countLeadsActiveSince(decay.horizon(clock.instant()))
        : leads.count();
  }

  /**
   * Recalculates the next batch of leads after {@code cursor} (a lead id; "" to begin).
   *
   * @return the batch's size and the cursor for the next one
   */
  public Batch nextBatch(ScoreCause cause, String cursor) {
    List<String> ids = cause == ScoreCause.DECAY
        ? interactions.leadIdsActiveSince(decay.horizon(clock.instant()), cursor, PageRequest.of(0, batchSize))
        : leads.idsAfter(cursor, batchSize);
    ids.forEach(id -> leads.lock(id).ifPresent(lead -> scoring.recalculate(lead, cause)));
    return new Batch(ids.size(), ids.isEmpty() ? cursor : ids.get(ids.size() - 1), ids.size() == batchSize);
  }

  /** One batch done: how many leads, where the next begins, and whether there may be more. */
  public record Batch(int leads, String cursor, boolean more) {}
}
