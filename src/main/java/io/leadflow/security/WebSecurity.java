package io.leadflow.security;

import static io.leadflow.security.LeadflowGroups.ADMINS;
import static io.leadflow.security.LeadflowGroups.INTEGRATION;
import static io.leadflow.security.LeadflowGroups.MANAGERS;
import static io.leadflow.security.LeadflowGroups.MARKETING;

import io.leadflow.RateLimit;
import jakarta.servlet.Filter;
import java.time.Clock;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.security.config.Customizer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Who may call what. Camunda identity is the only user store:
 * <ul>
 *   <li>{@code /api/**}: HTTP Basic, or an integration token ({@code Authorization: Bearer},
 *       {@link IntegrationTokenAuthentication}); marketing, administrators and integrations;
 *       {@code /api/scoring/**} (rescoring) and {@code /api/content/**} (the content catalogue)
 *       marketing and administrators only; {@code /api/integrations/**} (tokens) administrators
 *       only; {@code /api/reports/**} marketing, managers and administrators; a person's data and
 *       its erasure marketing and administrators. Failed logins are limited per client address
 *       ({@link FailedLoginLimit}). {@code POST /api/delivery-events/{provider}} (senders' event
 *       webhooks) needs no login: the sender's signature authenticates it.
 *   <li>{@code /engine-rest/**} (where Camunda Modeler deploys): HTTP Basic by Camunda's own
 *       filter, then the engine's authorizations; integrations get 403 ({@link IntegrationUsersStayOut}).
 *   <li>{@code /t/**} (tracking links): public, signed; security headers as {@code /engine-rest}.
 *   <li>{@code /camunda/**} (Tasklist, Cockpit, Admin): the webapps' own login and their
 *       application authorizations.
 *   <li>Cookies answered to a request over TLS (a trusted proxy's X-Forwarded-Proto included) are
 *       Secure ({@link SecureCookiesBehindTls}).
 *   <li>{@code /actuator/health}: public; the other actuator endpoints ({@code /actuator/prometheus}
 *       included): administrators.
 *   <li>{@code /mailbox/**} (the embedded run's mailbox, demo.MailboxPage): HTTP Basic, which a
 *       browser asks for by itself; marketing and administrators.
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class WebSecurity {

  /** Camunda's authentication of the engine REST API; Leadflow's filters for it run right after. */
  private static final int ENGINE_REST_AUTHENTICATION = 100;

  @Bean
  @Order(1)
  SecurityFilterChain api(HttpSecurity http, ProblemResponses problems, IntegrationTokens tokens,
      FailedLoginSettings failedLogins, Clock clock) throws Exception {
    RateLimit failures = new RateLimit(failedLogins.perAddress(), failedLogins.period(), clock);
    return http.securityMatcher("/api/**")
        .addFilterBefore(new FailedLoginLimit(failures, problems), BasicAuthenticationFilter.class)
        .addFilterAfter(IntegrationTokenAuthentication.filter(tokens, problems), BasicAuthenticationFilter.class)
        .authorizeHttpRequests(requests -> requests
            // senders' event webhooks authenticate by their signature, checked by the endpoint (delivery.DeliveryEventsController)
            .requestMatchers(HttpMethod.POST, "/api/delivery-events/*").permitAll()
            // who may call the API is the administrators' call
            .requestMatchers("/api/integrations/**").hasAuthority(ADMINS)
            // changing how everyone is scored is marketing's call, not an integration's
            .requestMatchers("/api/scoring/**").hasAnyAuthority(MARKETING, ADMINS)
            // the catalogue is marketing's: what every lead receives
            .requestMatchers("/api/content/**").hasAnyAuthority(MARKETING, ADMINS)
            // a person's data and its erasure: marketing (the controller) and administrators, never an integration
            .requestMatchers(HttpMethod.GET, "/api/leads/*/personal-data").hasAnyAuthority(MARKETING, ADMINS)
            .requestMatchers(HttpMethod.DELETE, "/api/leads/*").hasAnyAuthority(MARKETING, ADMINS)
            // what marketing earns: for marketing and managers, not for integrations
            .requestMatchers("/api/reports/**").hasAnyAuthority(MARKETING, MANAGERS, ADMINS)
            .anyRequest().hasAnyAuthority(MARKETING, ADMINS, INTEGRATION))
        .httpBasic(basic -> basic.authenticationEntryPoint(problems.unauthenticated()))
        .exceptionHandling(e -> e.authenticationEntryPoint(problems.unauthenticated()).accessDeniedHandler(problems.forbidden()))
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(AbstractHttpConfigurer::disable)
        .build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain actuator(HttpSecurity http, ProblemResponses problems) throws Exception {
    return http.securityMatcher("/actuator/**")
        .authorizeHttpRequests(requests -> requests
            .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
            .anyRequest().hasAuthority(ADMINS))
        .httpBasic(basic -> basic.authenticationEntryPoint(problems.unauthenticated()))
        .exceptionHandling(e -> e.authenticationEntryPoint(problems.unauthenticated()).accessDeniedHandler(problems.forbidden()))
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(AbstractHttpConfigurer::disable)
        .build();
  }

  /**
   * The public tracking links: small HTML pages (inline styles only), the open pixel and
   * redirects to content. No login; security headers only (issue 17, case 7).
   */
  @Bean
  @Order(3)
  SecurityFilterChain tracking(HttpSecurity http) throws Exception {
    return headersOnly(http.securityMatcher("/t/**"),
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'");
  }

  /** The engine REST API: JSON only. Camunda's filter authenticates (below); security headers here. */
  @Bean
  @Order(4)
  SecurityFilterChain engineRest(HttpSecurity http) throws Exception {
    return headersOnly(
        // the path, not Spring MVC's view of it: the engine REST API is Jersey's servlet
        http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/engine-rest/**")),
        "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
  }

  /**
   * nosniff, X-Frame-Options DENY, Referrer-Policy no-referrer, the given Content-Security-Policy
   * (and Spring Security's no-cache headers unless the answer sets its own, HSTS over TLS).
   */
  private static SecurityFilterChain headersOnly(HttpSecurity http, String contentSecurityPolicy) throws Exception {
    return http
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .headers(headers -> headers
            .contentTypeOptions(Customizer.withDefaults())
            .frameOptions(frame -> frame.deny())
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
            .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy)))
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(AbstractHttpConfigurer::disable)
        .requestCache(AbstractHttpConfigurer::disable)
        .build();
  }

  /** The embedded run's mailbox: a page a newcomer opens in a browser, which asks for the login. */
  @Bean
  @Order(5)
  SecurityFilterChain mailboxSecurity(HttpSecurity http) throws Exception {
    return http.securityMatcher("/mailbox", "/mailbox/**")
        .authorizeHttpRequests(requests -> requests.anyRequest().hasAnyAuthority(MARKETING, ADMINS))
        .httpBasic(basic -> basic.realmName("Leadflow mailbox"))
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        // read-only pages (GET)
        .csrf(AbstractHttpConfigurer::disable)
        .build();
  }

  /** The Camunda webapps secure themselves (see above; their headers: camunda.bpm.webapp.header-security). */
  @Bean
  @Order(10)
  SecurityFilterChain camunda(HttpSecurity http) throws Exception {
    return http.securityMatcher("/**")
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .csrf(AbstractHttpConfigurer::disable)
        .headers(AbstractHttpConfigurer::disable)
        .requestCache(AbstractHttpConfigurer::disable)
        .build();
  }

  /** HTTP Basic against Camunda identity for the engine REST API, as Camunda Run configures it. */
  @Bean
  FilterRegistrationBean<Filter> engineRestAuthentication() {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("camunda-rest-authentication");
    registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/engine-rest/*");
    registration.setOrder(ENGINE_REST_AUTHENTICATION);
    return registration;
  }

  /** Integrations get 403 on the engine REST API: after Camunda's filter, which knows the user's groups. */
  @Bean
  FilterRegistrationBean<Filter> engineRestWithoutIntegrations(IdentityService identity, ProblemResponses problems) {
    FilterRegistrationBean<Filter> registration =
        new FilterRegistrationBean<>(IntegrationUsersStayOut.engineRest(identity, problems));
    registration.setName("leadflow-engine-rest-without-integrations");
    registration.addUrlPatterns("/engine-rest/*");
    registration.setOrder(ENGINE_REST_AUTHENTICATION + 1);
    return registration;
  }

  /** Integrations that logged in to a webapp (Welcome lets every user) get 403 on the webapps' APIs. */
  @Bean
  FilterRegistrationBean<Filter> webappsWithoutIntegrations(ProblemResponses problems) {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(IntegrationUsersStayOut.webapps(problems));
    registration.setName("leadflow-webapps-without-integrations");
    registration.addUrlPatterns("/camunda/api/*");
    registration.setOrder(ENGINE_REST_AUTHENTICATION + 1);
    return registration;
  }

  /** Cookies are Secure on requests that came over TLS, through a trusted proxy too. */
  @Bean
  FilterRegistrationBean<Filter> secureCookiesBehindTls() {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new SecureCookiesBehindTls());
    registration.setName("leadflow-secure-cookies");
    registration.addUrlPatterns("/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }
}
