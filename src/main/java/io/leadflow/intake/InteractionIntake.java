package io.leadflow.intake;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.api.FieldProblem;
import io.leadflow.intake.InteractionChecks.Accepted;
import io.leadflow.intake.InteractionChecks.Checked;
import io.leadflow.interaction.Interaction;
import io.leadflow.interaction.InteractionRepository;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.retry.support.RetryTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Receives interactions: checks them, then stores and scores them ({@link InteractionRecorder}).
 * A single interaction has a transaction of its own. A batch is checked item by item first, and
 * its accepted items are then recorded together, in one transaction, which is what makes an item
 * of a batch cost a fraction of a single request. The same external id twice is stored and scored
 * once and answered with the first result. A refused interaction stores nothing.
 */
@Service
public class InteractionIntake {

  private static final Logger log = LoggerFactory.getLogger(InteractionIntake.class);

  /**
   * What another transaction can make ours fail with, so that trying again helps. Interactions
   * for one lead queue on its row (Leads.lockAll, in id order), and intake runs no engine command
   * (the engine learns of lead changes after the commit: LeadChangeRelay), so what remains is the
   * database's own: a deadlock or serialization failure, now and then.
   */
  private static final List<Class<? extends Throwable>> RACES =
      List.of(ConcurrencyFailureException.class);

  private final InteractionChecks checks;
  private final InteractionRecorder recorder;
  private final InteractionRepository interactions;
  private final TransactionTemplate transaction;
  private final RetryTemplate retry;

  InteractionIntake(InteractionChecks checks, InteractionRecorder recorder, InteractionRepository interactions,
      PlatformTransactionManager transactions) {
    this.checks = checks;
    this.recorder = recorder;
    this.interactions = interactions;
    this.transaction = new TransactionTemplate(transactions);
    // a lost race is tried again as a whole, in a new transaction
    this.retry = RetryTemplate.builder()
        .maxAttempts(4)
        .exponentialBackoff(10, 2, 200)
        .retryOn(RACES)
        .traversingCauses()
        .build();
  }

  /** What happened to one interaction. */
  public sealed interface Answer permits Received, Refused {}

  /**
   * Stored and scored (or stored before: {@code duplicate}, with the first result). {@code
   * filtered} true (absent otherwise) with {@code reason}: recorded, but judged machine-made or a
   * repeat, 0 points.
   */
  public record Received(String id, String leadId, int points, boolean duplicate, Boolean filtered, String reason)
      implements Answer {

    static Received of(Interaction interaction, boolean duplicate) {
      return new Received(interaction.getId(), interaction.getLeadId(), interaction.getPoints(), duplicate,
          interaction.isFiltered() ? Boolean.TRUE : null, interaction.isFiltered() ? interaction.getFilterReason() : null);
    }

    static Received duplicateOf(Interaction first) {
      return of(first, true);
    }
  }

  /** Not stored, and why. */
  public record Refused(HttpStatus status, String detail, List<FieldProblem> errors) implements Answer, Checked {

    static Refused invalid(List<FieldProblem> problems) {
      return new Refused(HttpStatus.BAD_REQUEST,
          problems.size() == 1 ? "1 field is invalid" : problems.size() + " fields are invalid", problems);
    }
  }

  /** One interaction as JSON (the API). */
  public Answer receive(JsonNode item) {
    return recordAlone(checks.check(item));
  }

  /**
   * One interaction, already read (the API, or what Leadflow observes itself, such as email
   * tracking): checked, stored and scored in a transaction of its own, or refused.
   */
  public Answer receive(InteractionRequest request) {
    return recordAlone(checks.check(request));
  }

  /**
   * A batch (the API's array): every item is checked first, and the accepted ones are recorded
   * in one transaction. One answer per item, in order: its result, or why it was refused.
   */
  public List<Answer> receiveAll(List<JsonNode> items) {
    List<Checked> checked = items.stream().map(checks::check).toList();
    List<InteractionRequest> accepted = checked.stream()
        .filter(Accepted.class::isInstance).map(item -> ((Accepted) item).request()).toList();
    Iterator<Answer> recorded = recordTogether(accepted).iterator();
    List<Answer> answers = new ArrayList<>(items.size());
    for (Checked item : checked) {
      answers.add(item instanceof Refused refused ? refused : recorded.next());
    }
    return answers;
  }

  /**
   * Accepted interactions in one transaction, tried again as a whole after a lost race ({@link
   * #RACES}). Only when another request stored one of its external ids meanwhile (the unique
   * index) is none of it kept and each interaction recorded alone, as a single one is, so that one
   * becomes a duplicate of the other's: the batch loses its speed, never its other interactions.
   */
  private List<Answer> recordTogether(List<InteractionRequest> requests) {
    if (requests.isEmpty()) {
      return List.of();
    }
    try {
      return retry.execute(attempt -> transaction.execute(status -> recorder.record(requests)));
    } catch (DataIntegrityViolationException sameExternalIdAtOnce) {
      log.info("A batch of {} interactions met an external id stored meanwhile ({}); recording them one by one",
          requests.size(), sameExternalIdAtOnce.toString());
      return requests.stream().map(this::recordAlone).toList();
    }
  }

  private Answer recordAlone(Checked checked) {
    return checked instanceof Accepted accepted ? recordAlone(accepted.request()) : (Refused) checked;
  }

  /**
   * One interaction in a transaction of its own, tried again after a lost race. The same external
   * id stored by another request at the same moment makes it a duplicate of that one.
   */
  private Answer recordAlone(InteractionRequest request) {
    try {
      return retry.execute(attempt -> transaction.execute(status -> recorder.record(List.of(request)).get(0)));
    } catch (DataIntegrityViolationException sameExternalIdAtOnce) {
      if (request.externalId() == null) {
        throw sameExternalIdAtOnce;
      }
      return transaction.execute(status ->
          Received.duplicateOf(interactions.findByExternalId(request.externalId()).orElseThrow()));
    }
  }

}
