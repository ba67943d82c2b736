package io.github.xuke;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Plain HTTP against the running app, as a browser, Modeler or a portal would call it. */
public final class TestHttp {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final HttpClient client = HttpClient.newHttpClient();
  private final String base;

  public TestHttp(int port) {
    this.base = "http://localhost:" + port;
  }

  /** A response: status and body, the body readable as JSON. */
  public record Response(int status, String body) {
    public JsonNode json() {
      try {
        return MAPPER.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + body, e);
      }
    }
  }

  public Response get(String path, String user, String password) {
    return send(request(path, user, password).GET().build());
  }

  public Response delete(String path, String user, String password) {
    return send(request(path, user, password).DELETE().build());
  }

  public Response postJson(String path, String user, String password, Object body) {
    return sendJson("POST", path, user, password, body);
  }

  public Response putJson(String path, String user, String password, Object body) {
    return sendJson("PUT", path, user, password, body);
  }

  private Response sendJson(String method, String path, String user, String password, Object body) {
    try {
      String json = body instanceof String text ? text : MAPPER.writeValueAsString(body);
      return send(request(path, user, password).header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A POST of raw bytes of the given content type. */
  public Response post(String path, String user, String password, String contentType, byte[] body) {
    return send(request(path, user, password).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
  }

  /** A multipart/form-data POST of one file plus text fields, as Modeler's deploy dialog sends. */
  public Response postMultipart(String path, String user, String password, String fileName,
      byte[] file, String... nameValues) {
    return postFile(path, user, password, fileName, fileName, file, true, nameValues);
  }

  /**
   * A multipart/form-data POST of one file in part {@code partName}; without {@code contentLength}
   * the body is sent chunked, with no length announced.
   */
  public Response postFile(String path, String user, String password, String partName, String fileName,
      byte[] file, boolean contentLength, String... nameValues) {
    String boundary = "----xuke" + System.nanoTime();
    StringBuilder head = new StringBuilder();
    for (int i = 0; i < nameValues.length; i += 2) {
      head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
          .append(nameValues[i]).append("\"\r\n\r\n").append(nameValues[i + 1]).append("\r\n");
    }
    head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
        .append(partName).append("\"; filename=\"").append(fileName)
        .append("\"\r\nContent-Type: application/octet-stream\r\n\r\n");
    byte[] start = head.toString().getBytes(StandardCharsets.UTF_8);
    byte[] end = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[start.length + file.length + end.length];
    System.arraycopy(start, 0, body, 0, start.length);
    System.arraycopy(file, 0, body, start.length, file.length);
    System.arraycopy(end, 0, body, start.length + file.length, end.length);
    HttpRequest.BodyPublisher publisher = contentLength
        ? HttpRequest.BodyPublishers.ofByteArray(body)
        : HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body));
    return send(request(path, user, password)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(publisher).build());
  }

  /** Any method, any content type (none when null), any bytes (none when null): for requests no client should send. */
  public Response send(String method, String path, String user, String password, String contentType, byte[] body) {
    HttpRequest.Builder builder = request(path, user, password);
    if (contentType != null) {
      builder.header("Content-Type", contentType);
    }
    return send(builder.method(method, body == null
        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body)).build());
  }

  /** The headers of a GET's answer (its body discarded), e.g. a download's Content-Disposition. */
  public java.net.http.HttpHeaders headers(String path, String user, String password) {
    try {
      return client.send(request(path, user, password).GET().build(), HttpResponse.BodyHandlers.discarding()).headers();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private HttpRequest.Builder request(String path, String user, String password) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
    if (user != null) {
      builder.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    return builder;
  }

  private Response send(HttpRequest request) {
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Response(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
