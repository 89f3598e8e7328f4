package io.leadflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every cookie set in answer to a request that came over TLS is {@code Secure} (issue 17, case 7):
 * the webapps' session cookie and Camunda's {@code XSRF-TOKEN}, which Camunda marks Secure only
 * when told so statically ({@code camunda.bpm.webapp.csrf.enable-secure-cookie}), which would break
 * a plain-HTTP run. Behind a TLS-terminating proxy the request is secure when
 * {@code server.forward-headers-strategy=native} and the proxy is trusted and sends
 * {@code X-Forwarded-Proto: https} (docs/operations.md, "Behind a TLS proxy"). Tomcat marks its
 * session cookie itself then; Camunda adds {@code SameSite=Lax} to both.
 */
final class SecureCookiesBehindTls extends OncePerRequestFilter {

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    chain.doFilter(request, request.isSecure() ? new SecureCookies(response) : response);
  }

  /** Adds {@code Secure} to each cookie set through it, as a header or as a {@link Cookie}. */
  private static final class SecureCookies extends HttpServletResponseWrapper {

    SecureCookies(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void addCookie(Cookie cookie) {
      cookie.setSecure(true);
      super.addCookie(cookie);
    }

    @Override
    public void addHeader(String name, String value) {
      super.addHeader(name, secure(name, value));
    }

    @Override
    public void setHeader(String name, String value) {
      super.setHeader(name, secure(name, value));
    }

    private static String secure(String name, String value) {
      if (value == null || !HttpHeaders.SET_COOKIE.equalsIgnoreCase(name)) {
        return value;
      }
      for (String attribute : value.split(";")) {
        if (attribute.trim().toLowerCase(Locale.ROOT).equals("secure")) {
          return value;
        }
      }
      return value + "; Secure";
    }
  }
}
