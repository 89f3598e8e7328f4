package io.leadflow.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.LeadflowProperties;
import io.leadflow.api.FieldProblem;
import io.leadflow.api.JsonFieldProblems;
import io.leadflow.interaction.Interaction;
import io.leadflow.interaction.InteractionRepository;
import io.leadflow.interaction.InteractionType;
import io.leadflow.lead.Lead;
import io.leadflow.lead.LeadEmailBounced;
import io.leadflow.lead.LeadRepository;
import io.leadflow.scoring.DailyActions;
import io.leadflow.scoring.LeadScoring;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import jakarta.validation.Validator;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.retry.support.RetryTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Receives interactions: checks each one, stores it, scores it, in a transaction of its own. The
 * same external id twice is stored and scored once and answered with the first result. A refused
 * interaction stores nothing.
 */
@Service
public class InteractionIntake {

  static final int MAX_DETAILS_JSON = 4000;

  private final LeadRepository leads;
  private final InteractionRepository interactions;
  private final LeadScoring scoring;
  private final ObjectMapper json;
  private final Validator validator;
  private final TransactionTemplate transaction;
  private final RetryTemplate retry;
  private final Clock clock;
  private final Duration maxClockSkew;
  private final ApplicationEventPublisher events;

  InteractionIntake(LeadRepository leads, InteractionRepository interactions, LeadScoring scoring, ObjectMapper json,
      Validator validator, PlatformTransactionManager transactions, Clock clock, LeadflowProperties properties,
      ApplicationEventPublisher events) {
    this.leads = leads;
    this.events = events;
    this.interactions = interactions;
    this.scoring = scoring;
    this.json = json;
    this.validator = validator;
    this.transaction = new TransactionTemplate(transactions);
    this.clock = clock;
    this.maxClockSkew = properties.interactions().maxClockSkew();
    // Interactions for one lead queue on its row (LeadRepository.lockById). What can still race
    // is the engine: another transaction correlating to the same journey at the same moment
    // (OptimisticLockingException, or now and then a ProcessEngineException about a missing
    // message subscription, see the Camunda notes). Then the whole interaction is tried again.
    this.retry = RetryTemplate.builder()
        .maxAttempts(4)
        .exponentialBackoff(10, 2, 200)
        .retryOn(List.of(ConcurrencyFailureException.class, OptimisticLockingException.class, ProcessEngineException.class))
        .traversingCauses()
        .build();
  }

  /** What happened to one interaction. */
  public sealed interface Answer permits Received, Refused {}

  /** Stored and scored (or stored before: {@code duplicate}, with the first result). */
  public record Received(String id, String leadId, int points, boolean duplicate) implements Answer {}

  /** Not stored, and why. */
  public record Refused(HttpStatus status, String detail, List<FieldProblem> errors) implements Answer {}

  /** One interaction as JSON (the API): read, then received as {@link #receive(InteractionRequest)}. */
  public Answer receive(JsonNode item) {
    InteractionRequest request;
    try {
      request = json.treeToValue(item, InteractionRequest.class);
    } catch (JsonMappingException e) {
      return invalid(List.of(JsonFieldProblems.of(e)));
    } catch (JsonProcessingException e) {
      return invalid(List.of(new FieldProblem("body", "cannot be read: " + e.getOriginalMessage())));
    }
    return receive(request);
  }

  /**
   * One interaction, already read (the API, or what Leadflow observes itself, such as email
   * tracking): checked, stored and scored in a transaction of its own, or refused.
   */
  public Answer receive(InteractionRequest request) {
    if (request == null) {
      return invalid(List.of(new FieldProblem("body", "must be an interaction")));
    }
    List<FieldProblem> problems = problems(request);
    if (!problems.isEmpty()) {
      return invalid(problems);
    }
    try {
      return retry.execute(attempt -> transaction.execute(status -> store(request)));
    } catch (DataIntegrityViolationException sameExternalIdAtOnce) {
      if (request.externalId() == null) {
        throw sameExternalIdAtOnce;
      }
      return transaction.execute(status -> duplicate(interactions.findByExternalId(request.externalId()).orElseThrow()));
    }
  }

  private List<FieldProblem> problems(InteractionRequest request) {
    List<FieldProblem> problems = new ArrayList<>();
    validator.validate(request).forEach(v -> problems.add(new FieldProblem(v.getPropertyPath().toString(), v.getMessage())));
    if (isBlank(request.leadId()) && isBlank(request.email())) {
      problems.add(new FieldProblem("leadId", "leadId or email is required"));
    }
    if (request.occurredAt() != null && request.occurredAt().toInstant().isAfter(clock.instant().plus(maxClockSkew))) {
      problems.add(new FieldProblem("occurredAt", "must not be in the future"));
    }
    if (request.details() != null && detailsJson(request.details()).length() > MAX_DETAILS_JSON) {
      problems.add(new FieldProblem("details", "are too large: at most " + MAX_DETAILS_JSON + " characters of JSON"));
    }
    problems.sort(Comparator.comparing(FieldProblem::field));
    return problems;
  }

  private Answer store(InteractionRequest request) {
    Optional<Lead> found = isBlank(request.leadId())
        ? leads.lockByEmail(request.email().trim().toLowerCase(Locale.ROOT))
        : leads.lockById(request.leadId().trim());
    if (found.isEmpty()) {
      String field = isBlank(request.leadId()) ? "email" : "leadId";
      return new Refused(HttpStatus.NOT_FOUND, "The interaction names no known lead",
          List.of(new FieldProblem(field, "is not a known lead")));
    }
    Lead lead = found.get();
    if (!isBlank(request.leadId()) && !isBlank(request.email())
        && !lead.getEmail().equals(request.email().trim().toLowerCase(Locale.ROOT))) {
      return invalid(List.of(new FieldProblem("email", "is not the email of lead " + lead.getId())));
    }
    if (request.externalId() != null) {
      Optional<Interaction> first = interactions.findByExternalId(request.externalId());
      if (first.isPresent()) {
        return duplicate(first.get());
      }
    }
    Instant now = clock.instant();
    InteractionRequest.Details details = request.details();
    Interaction interaction = new Interaction(
        lead.getId(),
        request.type(),
        request.occurredAt() == null ? now : request.occurredAt().toInstant(),
        now,
        request.externalId(),
        details == null ? null : details.getUrl(),
        details == null ? null : details.getContentId(),
        details == null ? null : details.getCampaign(),
        details == null ? null : details.getChannel(),
        details == null || details.getMore().isEmpty() ? null : detailsJson(details));
    DailyActions days = scoring.dailyActions(List.of(lead.getId()), List.of(request.type()));
    int points = scoring.recordInteraction(lead, interaction, days);
    if (isHardBounce(request) && lead.emailBounced(now)) {
      events.publishEvent(new LeadEmailBounced(lead));
    }
    return new Received(interaction.getId(), lead.getId(), points, false);
  }

  private static Received duplicate(Interaction first) {
    return new Received(first.getId(), first.getLeadId(), first.getPoints(), true);
  }

  private String detailsJson(InteractionRequest.Details details) {
    try {
      return json.writeValueAsString(details.getMore());
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static Refused invalid(List<FieldProblem> problems) {
    return new Refused(HttpStatus.BAD_REQUEST,
        problems.size() == 1 ? "1 field is invalid" : problems.size() + " fields are invalid", problems);
  }

  /** A bounce report that says the address will never take mail ({@code details.bounceType = "hard"}). */
  private static boolean isHardBounce(InteractionRequest request) {
    return request.type() == InteractionType.EMAIL_BOUNCE && request.details() != null
        && "hard".equalsIgnoreCase(String.valueOf(request.details().getMore().get("bounceType")));
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
