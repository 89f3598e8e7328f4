package io.leadflow.security;

import io.leadflow.RateLimit;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Failed authentications on {@code /api} (a wrong password, an unknown or revoked token: any 401
 * to a request that brought an {@code Authorization} header) are counted per client address. An
 * address that has used up {@code leadflow.security.failed-logins.per-address} in its period is
 * answered 429 with {@code Retry-After}, before its credentials are looked at, until the period
 * frees an attempt again. Other addresses are not affected, whatever credentials they use.
 *
 * <p>The client address is the request's remote address: the peer's, or the one a trusted proxy
 * reports in {@code X-Forwarded-For} when {@code server.forward-headers-strategy} and
 * {@code server.tomcat.remoteip.internal-proxies} say so (docs/security.md).
 */
final class FailedLoginLimit extends OncePerRequestFilter {

  private final RateLimit failures;
  private final ProblemResponses problems;

  FailedLoginLimit(RateLimit failures, ProblemResponses problems) {
    this.failures = failures;
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getHeader(HttpHeaders.AUTHORIZATION) == null) {
      chain.doFilter(request, response);
      return;
    }
    String address = request.getRemoteAddr();
    Optional<Duration> wait = failures.check(address);
    if (wait.isPresent()) {
      problems.tooManyRequests(response, wait.get(),
          "Too many failed logins from your address; try again in " + RateLimit.seconds(wait.get()) + " s");
      return;
    }
    chain.doFilter(request, response);
    if (response.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
      failures.take(address);
    }
  }
}
