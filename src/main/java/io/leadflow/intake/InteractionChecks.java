package io.leadflow.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadflow.LeadflowProperties;
import io.leadflow.api.ControlCharacters;
import io.leadflow.api.FieldProblem;
import io.leadflow.api.JsonFieldProblems;
import io.leadflow.intake.InteractionIntake.Refused;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What an interaction must pass before anything is locked or stored: readable, valid fields, a
 * lead named, not in the future, details not too large. What needs the database (is the lead
 * known, is the email its own) is {@link InteractionRecorder}'s to say.
 */
@Component
class InteractionChecks {

  static final int MAX_DETAILS_JSON = 4000;

  private final ObjectMapper json;
  private final Validator validator;
  private final Clock clock;
  private final Duration maxClockSkew;

  InteractionChecks(ObjectMapper json, Validator validator, Clock clock, LeadflowProperties properties) {
    this.json = json;
    this.validator = validator;
    this.clock = clock;
    this.maxClockSkew = properties.interactions().maxClockSkew();
  }

  /** An interaction after the checks: to be recorded, or refused (then nothing is stored). */
  sealed interface Checked permits Accepted, Refused {}

  /** Passed the checks: to be recorded. */
  record Accepted(InteractionRequest request) implements Checked {}

  /** One item of the API: read, then checked as {@link #check(InteractionRequest)}. */
  Checked check(JsonNode item) {
    // free keys of details are read as plain objects, past the String check: look at the JSON itself
    Optional<FieldProblem> controlCharacter = ControlCharacters.find(item);
    if (controlCharacter.isPresent()) {
      return Refused.invalid(List.of(controlCharacter.get()));
    }
    try {
      return check(json.treeToValue(item, InteractionRequest.class));
    } catch (JsonMappingException e) {
      return Refused.invalid(List.of(JsonFieldProblems.of(e)));
    } catch (JsonProcessingException e) {
      return Refused.invalid(List.of(new FieldProblem("body", "cannot be read: " + e.getOriginalMessage())));
    }
  }

  Checked check(InteractionRequest request) {
    if (request == null) {
      return Refused.invalid(List.of(new FieldProblem("body", "must be an interaction")));
    }
    List<FieldProblem> problems = new ArrayList<>();
    validator.validate(request).forEach(v -> problems.add(new FieldProblem(v.getPropertyPath().toString(), v.getMessage())));
    if (!request.namesLeadById() && !request.hasEmail()) {
      problems.add(new FieldProblem("leadId", "leadId or email is required"));
    }
    if (request.occurredAt() != null && request.occurredAt().toInstant().isAfter(clock.instant().plus(maxClockSkew))) {
      problems.add(new FieldProblem("occurredAt", "must not be in the future"));
    }
    if (request.details() != null && request.details().moreAsJson(json).length() > MAX_DETAILS_JSON) {
      problems.add(new FieldProblem("details", "are too large: at most " + MAX_DETAILS_JSON + " characters of JSON"));
    }
    if (problems.isEmpty()) {
      return new Accepted(request);
    }
    problems.sort(Comparator.comparing(FieldProblem::field));
    return Refused.invalid(problems);
  }
}
