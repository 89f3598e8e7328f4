package io.leadflow.intake;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadflow.LeadflowProperties;
import io.leadflow.api.FieldProblem;
import io.leadflow.api.InvalidRequest;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/interactions}: one interaction (201, or 200 for a known external id; a problem
 * when refused) or an array of them (200 with one answer per item, in order: the result or the
 * item's problem; the accepted items are recorded together, see {@link InteractionIntake#receiveAll}).
 */
@RestController
@RequestMapping("/api/interactions")
class InteractionController {

  private final InteractionIntake intake;
  private final int maxBatch;

  InteractionController(InteractionIntake intake, LeadflowProperties properties) {
    this.intake = intake;
    this.maxBatch = properties.interactions().maxBatch();
  }

  @PostMapping
  ResponseEntity<?> receive(@RequestBody JsonNode body) {
    if (body.isObject()) {
      InteractionIntake.Answer answer = intake.receive(body);
      if (answer instanceof InteractionIntake.Refused refused) {
        return ResponseEntity.status(refused.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem(refused));
      }
      InteractionIntake.Received received = (InteractionIntake.Received) answer;
      return ResponseEntity.status(received.duplicate() ? HttpStatus.OK : HttpStatus.CREATED).body(received);
    }
    if (!body.isArray()) {
      throw new InvalidRequest("The body must be an interaction or an array of them",
          List.of(new FieldProblem("body", "must be a JSON object or array")));
    }
    if (body.size() > maxBatch) {
      throw new InvalidRequest(HttpStatus.PAYLOAD_TOO_LARGE,
          "At most " + maxBatch + " interactions a request (leadflow.interactions.max-batch); this one has " + body.size(),
          List.of());
    }
    List<JsonNode> items = new ArrayList<>(body.size());
    body.forEach(items::add);
    List<Object> answers = new ArrayList<>(items.size());
    for (InteractionIntake.Answer answer : intake.receiveAll(items)) {
      answers.add(answer instanceof InteractionIntake.Refused refused ? problem(refused) : answer);
    }
    return ResponseEntity.ok(answers);
  }

  private static ProblemDetail problem(InteractionIntake.Refused refused) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(refused.status(), refused.detail());
    problem.setTitle(refused.status() == HttpStatus.BAD_REQUEST ? "Invalid interaction" : refused.status().getReasonPhrase());
    problem.setProperty("errors", refused.errors());
    return problem;
  }
}
