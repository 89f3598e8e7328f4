package io.leadflow;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** What Camunda Modeler's deploy button sends: a multipart POST to /engine-rest/deployment/create. */
public final class ModelerDeploy {

  private ModelerDeploy() {}

  public static HttpResponse<String> deploy(int port, String user, String password, String deploymentName,
      String fileName, String content) {
    return deploy(port, user, password, deploymentName, fileName, content, true);
  }

  /** With deploy-changed-only false, an unchanged file is deployed again (and checked again) as a new version. */
  public static HttpResponse<String> deploy(int port, String user, String password, String deploymentName,
      String fileName, String content, boolean deployChangedOnly) {
    String boundary = "leadflow-" + System.nanoTime();
    String body = part(boundary, "deployment-name", deploymentName)
        + part(boundary, "deploy-changed-only", String.valueOf(deployChangedOnly))
        + "--" + boundary + "\r\n"
        + "Content-Disposition: form-data; name=\"data\"; filename=\"" + fileName + "\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n" + content + "\r\n"
        + "--" + boundary + "--\r\n";
    String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    try {
      return HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/deployment/create"))
              .header("Authorization", "Basic " + credentials)
              .header("Content-Type", "multipart/form-data; boundary=" + boundary)
              .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String part(String boundary, String name, String value) {
    return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
  }
}
