package io.leadflow.api;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A request that is wrong as a whole or in named fields: HTTP 400 with an {@code errors} list. */
public class InvalidRequest extends ErrorResponseException {

  public InvalidRequest(String detail, List<FieldProblem> errors) {
    this(HttpStatus.BAD_REQUEST, detail, errors);
  }

  public InvalidRequest(HttpStatus status, String detail, List<FieldProblem> errors) {
    super(status, problem(status, detail, errors), null);
    this.errors = List.copyOf(errors);
  }

  private final List<FieldProblem> errors;

  /** The fields and what is wrong with each (may be empty). */
  public List<FieldProblem> errors() {
    return errors;
  }

  private static ProblemDetail problem(HttpStatus status, String detail, List<FieldProblem> errors) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(status == HttpStatus.BAD_REQUEST ? "Invalid request" : status.getReasonPhrase());
    if (!errors.isEmpty()) {
      problem.setProperty("errors", errors);
    }
    return problem;
  }
}
