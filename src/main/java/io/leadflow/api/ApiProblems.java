package io.leadflow.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of our API as RFC 9457 problem details; validation errors name each bad field in
 * {@code errors: [{field, message}]}. What nobody expected (a database error, a bug) is a 500
 * whose body says only that, with a correlation id; the log has the exception under that id. A
 * 5xx body never carries SQL, values or a stack trace: those quoted people's data (issue 17).
 */
@RestControllerAdvice(basePackages = "io.leadflow")
class ApiProblems extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

  /** Anything no handler above knows: logged in full with a correlation id, answered without details. */
  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> unexpected(Exception e, WebRequest request) throws Exception {
    if (e instanceof AccessDeniedException || e instanceof AuthenticationException) {
      throw e; // Spring Security's 401 and 403
    }
    String correlationId = UUID.randomUUID().toString();
    log.error("Request {} failed (correlation id {})", request.getDescription(false), correlationId, e);
    HttpStatus status = HttpStatus.INTERNAL_SERVER_ERROR;
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
        "The request failed on our side; the log has the details under correlation id "
            + correlationId + ".");
    problem.setTitle(status.getReasonPhrase());
    problem.setProperty("correlationId", correlationId);
    return handleExceptionInternal(e, problem, new HttpHeaders(), status, request);
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return invalid(fieldProblems(e.getBindingResult()), request);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    FieldProblem problem = new FieldProblem("body", "is missing or cannot be read");
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof JsonMappingException mapping) {
        problem = JsonFieldProblems.of(mapping);
        break;
      }
      if (cause instanceof JsonParseException parse) {
        problem = JsonFieldProblems.of(parse);
        break;
      }
    }
    return invalid(List.of(problem), request);
  }

  private ResponseEntity<Object> invalid(List<FieldProblem> problems, WebRequest request) {
    InvalidRequest invalid =
        new InvalidRequest(
            problems.size() == 1 ? "1 field is invalid" : problems.size() + " fields are invalid", problems);
    return handleExceptionInternal(invalid, invalid.getBody(), new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
  }

  /** Field errors of a validated body or query, one per field and constraint, sorted by field. */
  static List<FieldProblem> fieldProblems(BindingResult result) {
    List<FieldProblem> problems = new ArrayList<>();
    for (FieldError error : result.getFieldErrors()) {
      problems.add(new FieldProblem(error.getField(), message(error)));
    }
    result.getGlobalErrors().forEach(error -> problems.add(new FieldProblem(error.getObjectName(), error.getDefaultMessage())));
    problems.sort(Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::message));
    return problems;
  }

  private static String message(FieldError error) {
    if (error.contains(TypeMismatchException.class)) {
      TypeMismatchException mismatch = error.unwrap(TypeMismatchException.class);
      Class<?> type = mismatch.getRequiredType();
      String got = " (got '" + error.getRejectedValue() + "')";
      if (type != null && type.isEnum()) {
        return "must be one of " + Arrays.toString(type.getEnumConstants()) + got;
      }
      if (type != null && (Number.class.isAssignableFrom(type) || type.isPrimitive())) {
        return "must be a whole number" + got;
      }
      return "has an invalid value" + got;
    }
    return error.getDefaultMessage();
  }
}
