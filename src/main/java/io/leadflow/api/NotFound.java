package io.leadflow.api;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** HTTP 404 with a problem detail that says what was not found. */
public class NotFound extends ErrorResponseException {

  public NotFound(String what, String id) {
    super(HttpStatus.NOT_FOUND, problem(what, id), null);
  }

  private static ProblemDetail problem(String what, String id) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No " + what + " with id " + id);
    problem.setTitle(HttpStatus.NOT_FOUND.getReasonPhrase());
    return problem;
  }
}
