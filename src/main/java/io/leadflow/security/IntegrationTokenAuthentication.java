package io.leadflow.security;

import static io.leadflow.security.LeadflowGroups.INTEGRATION;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;

/**
 * {@code Authorization: Bearer <token>} on {@code /api}: an integration token
 * ({@link IntegrationTokens}) authenticates an integration principal, named {@code token:<name>},
 * with the rights of the {@code integration} group. A Basic header is left to HTTP Basic.
 */
final class IntegrationTokenAuthentication {

  static final String PRINCIPAL_PREFIX = "token:";
  private static final String SCHEME = "Bearer ";

  private IntegrationTokenAuthentication() {}

  /** The filter for the API's chain: a bad token is answered like a wrong password (401, problem details). */
  static AuthenticationFilter filter(IntegrationTokens tokens, ProblemResponses problems) {
    AuthenticationProvider provider = new Provider(tokens);
    AuthenticationFilter filter = new AuthenticationFilter(new ProviderManager(provider), IntegrationTokenAuthentication::presented);
    filter.setSuccessHandler((request, response, authentication) -> {});
    filter.setFailureHandler(new AuthenticationEntryPointFailureHandler(problems.unauthenticated()));
    return filter;
  }

  private static Presented presented(HttpServletRequest request) {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
      return null;
    }
    return new Presented(header.substring(SCHEME.length()).trim());
  }

  /** A token as a request presents it, not checked yet. */
  private static final class Presented extends AbstractAuthenticationToken {

    private final String text;

    Presented(String text) {
      super(List.of());
      this.text = text;
    }

    @Override
    public Object getCredentials() {
      return text;
    }

    @Override
    public Object getPrincipal() {
      return null;
    }
  }

  /** A checked token: the integration it was issued for. */
  private static final class Integration extends AbstractAuthenticationToken {

    private final String name;

    Integration(String name) {
      super(List.of(new SimpleGrantedAuthority(INTEGRATION)));
      this.name = name;
      setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
      return null;
    }

    @Override
    public Object getPrincipal() {
      return name;
    }
  }

  private record Provider(IntegrationTokens tokens) implements AuthenticationProvider {

    @Override
    public Authentication authenticate(Authentication authentication) {
      return tokens.authenticate((String) authentication.getCredentials())
          .map(token -> new Integration(PRINCIPAL_PREFIX + token.getName()))
          .orElseThrow(() -> new BadCredentialsException("Unknown or revoked token"));
    }

    @Override
    public boolean supports(Class<?> authentication) {
      return Presented.class.isAssignableFrom(authentication);
    }
  }
}
