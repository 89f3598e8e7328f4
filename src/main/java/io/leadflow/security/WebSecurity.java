package io.leadflow.security;

import static io.leadflow.security.LeadflowGroups.ADMINS;
import static io.leadflow.security.LeadflowGroups.INTEGRATION;
import static io.leadflow.security.LeadflowGroups.MARKETING;

import io.leadflow.RateLimit;
import jakarta.servlet.Filter;
import java.time.Clock;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
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
 *       only. Failed logins are limited per client address ({@link FailedLoginLimit}).
 *   <li>{@code /engine-rest/**} (where Camunda Modeler deploys): HTTP Basic by Camunda's own
 *       filter, then the engine's authorizations.
 *   <li>{@code /camunda/**} (Tasklist, Cockpit, Admin): the webapps' own login and their
 *       application authorizations.
 *   <li>{@code /actuator/health}: public; the other actuator endpoints ({@code /actuator/prometheus}
 *       included): administrators.
 *   <li>{@code /mailbox/**} (the embedded run's mailbox, demo.MailboxPage): HTTP Basic, which a
 *       browser asks for by itself; marketing and administrators.
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class WebSecurity {

  @Bean
  @Order(1)
  SecurityFilterChain api(HttpSecurity http, ProblemResponses problems, IntegrationTokens tokens,
      FailedLoginSettings failedLogins, Clock clock) throws Exception {
    RateLimit failures = new RateLimit(failedLogins.perAddress(), failedLogins.period(), clock);
    return http.securityMatcher("/api/**")
        .addFilterBefore(new FailedLoginLimit(failures, problems), BasicAuthenticationFilter.class)
        .addFilterAfter(IntegrationTokenAuthentication.filter(tokens, problems), BasicAuthenticationFilter.class)
        .authorizeHttpRequests(requests -> requests
            // who may call the API is the administrators' call
            .requestMatchers("/api/integrations/**").hasAuthority(ADMINS)
            // changing how everyone is scored is marketing's call, not an integration's
            .requestMatchers("/api/scoring/**").hasAnyAuthority(MARKETING, ADMINS)
            // the catalogue is marketing's: what every lead receives
            .requestMatchers("/api/content/**").hasAnyAuthority(MARKETING, ADMINS)
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

  /** The embedded run's mailbox: a page a newcomer opens in a browser, which asks for the login. */
  @Bean
  @Order(3)
  SecurityFilterChain mailboxSecurity(HttpSecurity http) throws Exception {
    return http.securityMatcher("/mailbox", "/mailbox/**")
        .authorizeHttpRequests(requests -> requests.anyRequest().hasAnyAuthority(MARKETING, ADMINS))
        .httpBasic(basic -> basic.realmName("Leadflow mailbox"))
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        // read-only pages (GET)
        .csrf(AbstractHttpConfigurer::disable)
        .build();
  }

  /** The Camunda webapps, the engine REST API and public pages secure themselves (see above). */
  @Bean
  @Order(4)
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
    return registration;
  }
}
