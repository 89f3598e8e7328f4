package io.leadflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/** Leadflow's HTTP API as an integration calls it: real HTTP, HTTP Basic, JSON. */
public final class Api {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger();

  private final String baseUrl;
  private final String authorization;
  private final String forwardedFor;

  private Api(String baseUrl, String authorization, String forwardedFor) {
    this.baseUrl = baseUrl;
    this.authorization = authorization;
    this.forwardedFor = forwardedFor;
  }

  public static Api at(int port) {
    return new Api("http://localhost:" + port, null, null);
  }

  public Api as(String user, String password) {
    String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return new Api(baseUrl, "Basic " + token, forwardedFor);
  }

  /** As an integration with its API token. */
  public Api withToken(String token) {
    return new Api(baseUrl, "Bearer " + token, forwardedFor);
  }

  /**
   * From another client address, as a trusted proxy reports it ({@code X-Forwarded-For}; the test
   * profile trusts the proxy on localhost).
   */
  public Api from(String clientAddress) {
    return new Api(baseUrl, authorization, clientAddress);
  }

  /** An address of the documentation range (RFC 3849) no other test uses: a client of its own. */
  public static String someClientAddress() {
    return "2001:db8::" + Integer.toHexString(NEXT_ADDRESS.incrementAndGet()) + ":" + Integer.toHexString(
        ThreadLocalRandom.current().nextInt(0x10000));
  }

  public Response get(String path) {
    return send(request(path).GET());
  }

  /** A GET asking for a representation: {@code Accept: text/csv}, ... */
  public Response get(String path, String accept) {
    return send(request(path).header("Accept", accept).GET());
  }

  public Response post(String path, String contentType, String body) {
    return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  public Response post(String path, String contentType, byte[] body) {
    return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  /** A file sent as a browser's form upload does: multipart/form-data with one part. */
  public Response upload(String path, String part, String fileName, String contentType, byte[] content) {
    String boundary = "----leadflow" + java.util.UUID.randomUUID();
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\"" + fileName
        + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return post(path, "multipart/form-data; boundary=" + boundary, body.toByteArray());
  }

  public Response postJson(String path, String json) {
    return post(path, "application/json", json);
  }

  public Response putJson(String path, String json) {
    return send(request(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  public Response delete(String path) {
    return send(request(path).DELETE());
  }

  /** A DELETE with a JSON body (an erasure's reason). */
  public Response delete(String path, String json) {
    return send(request(path).header("Content-Type", "application/json")
        .method("DELETE", HttpRequest.BodyPublishers.ofString(json)));
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    if (forwardedFor != null) {
      request.header("X-Forwarded-For", forwardedFor);
    }
    return request;
  }

  private static Response send(HttpRequest.Builder request) {
    try {
      return new Response(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** An HTTP answer with its JSON body at hand. */
  public record Response(HttpResponse<String> raw) {

    public int status() {
      return raw.statusCode();
    }

    public String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }

    public String body() {
      return raw.body();
    }

    public JsonNode json() {
      try {
        return JSON.readTree(raw.body());
      } catch (IOException e) {
        throw new IllegalStateException("Not JSON: " + raw.body(), e);
      }
    }

    @Override
    public String toString() {
      return status() + " " + body();
    }
  }
}
