package io.leadflow.security;

import static io.leadflow.security.LeadflowGroups.INTEGRATION;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Integrations ({@code integration} group: "the lead API and nothing else") get 403 on the engine
 * REST API and on the webapps' login, Welcome included (issue 17, case 7). Camunda lets every user
 * log in to Welcome and gives each user UPDATE on its own user: {@code crm} could change its
 * profile and password there and on {@code /engine-rest}, and read whatever the engine's
 * authorizations let any user read.
 */
final class IntegrationUsersStayOut {

  private IntegrationUsersStayOut() {}

  /**
   * On the webapps' own APIs ({@code /camunda/api/engine/*}, {@code /camunda/api/admin/*} but their
   * login and logout, ...): an integration that logged in to Welcome (Camunda lets every user) is
   * refused there, so it reaches neither its own profile nor anything the engine would show it.
   * Reads the webapps' session, so it does not depend on the order of Camunda's filters.
   */
  static OncePerRequestFilter webapps(ProblemResponses problems) {
    return new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean logInOrOut = path.startsWith("/camunda/api/admin/auth/");
        jakarta.servlet.http.HttpSession session = request.getSession(false);
        if (!logInOrOut && session != null) {
          org.camunda.bpm.webapp.impl.security.auth.Authentications authentications =
              org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil.getAuthsFromSession(session);
          boolean integration = authentications != null && authentications.getAuthentications().stream()
              .anyMatch(user -> user.getGroupIds() != null && user.getGroupIds().contains(INTEGRATION));
          if (integration) {
            problems.write(response, 403, "Integrations use the lead API (/api), not the webapps");
            return;
          }
        }
        chain.doFilter(request, response);
      }
    };
  }

  /** After Camunda's authentication filter on {@code /engine-rest/*}: the engine knows the user and its groups. */
  static OncePerRequestFilter engineRest(IdentityService identity, ProblemResponses problems) {
    return new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        Authentication user = identity.getCurrentAuthentication();
        if (user != null && user.getGroupIds() != null && user.getGroupIds().contains(INTEGRATION)) {
          problems.write(response, 403, "Integrations use the lead API (/api), not the engine REST API");
          return;
        }
        chain.doFilter(request, response);
      }
    };
  }
}
