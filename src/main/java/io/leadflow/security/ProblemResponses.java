package io.leadflow.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import io.leadflow.RateLimit;
import java.io.IOException;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/** 401, 403 and 429 of the API as problem details, like every other error. */
@Component
class ProblemResponses {

  private final ObjectMapper json;

  ProblemResponses(ObjectMapper json) {
    this.json = json;
  }

  AuthenticationEntryPoint unauthenticated() {
    return (request, response, e) -> {
      response.setHeader("WWW-Authenticate", "Basic realm=\"Leadflow\"");
      response.addHeader("WWW-Authenticate", "Bearer realm=\"Leadflow\"");
      write(response, HttpStatus.UNAUTHORIZED,
          "Log in with HTTP Basic authentication as a Camunda user, or send an integration token as Authorization: Bearer");
    };
  }

  AccessDeniedHandler forbidden() {
    return (request, response, e) ->
        write(response, HttpStatus.FORBIDDEN, "Your Camunda groups do not allow this request");
  }

  /** 429 with {@code Retry-After} in whole seconds. */
  void tooManyRequests(HttpServletResponse response, Duration wait, String detail) throws IOException {
    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(RateLimit.seconds(wait)));
    write(response, HttpStatus.TOO_MANY_REQUESTS, detail);
  }

  /** A problem with this status and detail, for filters outside Spring Security's chains. */
  void write(HttpServletResponse response, int status, String detail) throws IOException {
    write(response, HttpStatus.valueOf(status), detail);
  }

  private void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(status.getReasonPhrase());
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }
}
