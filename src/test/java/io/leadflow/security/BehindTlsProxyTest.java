package io.leadflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadflow.LeadflowTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Behind a TLS proxy (the test profile trusts the proxy on localhost,
 * {@code server.forward-headers-strategy: native}), a webapp login yields Secure cookies
 * (issue 17, case 7); over plain HTTP they stay as they were, so a local run works.
 */
@LeadflowTest
class BehindTlsProxyTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @LocalServerPort int port;

  @Test
  void aLoginThroughATlsProxyGetsSecureSameSiteCookies() throws IOException, InterruptedException {
    List<String> cookies = login("https");

    assertThat(cookie(cookies, "JSESSIONID")).get().satisfies(session -> {
      assertThat(attributes(session)).contains("secure", "httponly", "samesite=lax");
    });
    assertThat(cookies.stream().filter(cookie -> cookie.startsWith("XSRF-TOKEN="))).isNotEmpty()
        .allSatisfy(xsrf -> assertThat(attributes(xsrf)).contains("secure", "samesite=lax"));
  }

  @Test
  void overPlainHttpTheCookiesAreNotSecure() throws IOException, InterruptedException {
    List<String> cookies = login(null);

    assertThat(cookie(cookies, "JSESSIONID")).get().satisfies(session ->
        assertThat(attributes(session)).doesNotContain("secure").contains("samesite=lax"));
  }

  /** As a browser behind the proxy: open Tasklist, take the XSRF token, log in; every Set-Cookie on the way. */
  private List<String> login(String forwardedProto) throws IOException, InterruptedException {
    String base = "http://localhost:" + port;
    HttpResponse<Void> app = HTTP.send(request(base + "/camunda/app/tasklist/default/", forwardedProto).build(),
        HttpResponse.BodyHandlers.discarding());
    List<String> appCookies = app.headers().allValues("Set-Cookie");
    String xsrf = cookie(appCookies, "XSRF-TOKEN").orElseThrow().split(";")[0];
    String jsession = cookie(appCookies, "JSESSIONID").map(value -> value.split(";")[0]).orElse(null);

    HttpRequest.Builder login = request(base + "/camunda/api/admin/auth/user/default/login/tasklist", forwardedProto)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-XSRF-TOKEN", xsrf.substring("XSRF-TOKEN=".length()))
        .header("Cookie", jsession == null ? xsrf : xsrf + "; " + jsession)
        .POST(HttpRequest.BodyPublishers.ofString("username=sam&password=demo"));
    HttpResponse<String> answer = HTTP.send(login.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);

    List<String> all = new java.util.ArrayList<>(appCookies);
    all.addAll(answer.headers().allValues("Set-Cookie"));
    assertThat(cookie(answer.headers().allValues("Set-Cookie"), "JSESSIONID")).as("the login's new session").isPresent();
    return all.stream().filter(value -> !value.startsWith("JSESSIONID=") || answer.headers().allValues("Set-Cookie").contains(value)).toList();
  }

  private static HttpRequest.Builder request(String url, String forwardedProto) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
    if (forwardedProto != null) {
      request.header("X-Forwarded-Proto", forwardedProto);
    }
    return request;
  }

  private static Optional<String> cookie(List<String> setCookies, String name) {
    return setCookies.stream().filter(value -> value.startsWith(name + "=")).reduce((first, last) -> last);
  }

  private static List<String> attributes(String setCookie) {
    return java.util.Arrays.stream(setCookie.split(";")).skip(1).map(String::trim).map(String::toLowerCase).toList();
  }
}
