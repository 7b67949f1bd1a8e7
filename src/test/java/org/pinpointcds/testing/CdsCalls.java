package org.pinpointcds.testing;

import org.pinpointcds.endpoints.EndpointPaths;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.StreamSupport;
import org.pinpointcds.testing.HookRequest;

/** A real HTTP client against the running service, as an EHR calls it. */
public final class CdsCalls {

  public static final String TRIAGE = service("petechiae-triage");
  public static final String JSON = "application/json";

  /** The path of service {@code id}'s calls. */
  public static String service(String id) {
    return EndpointPaths.CDS_SERVICES + "/" + id;
  }

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private final String base;

  public CdsCalls(int port) {
    this.base = "http://localhost:" + port;
  }

  public Answer triage(HookRequest request) {
    return post(TRIAGE, JSON, request.json().toString());
  }

  public Answer post(String path, String contentType, String body) {
    return send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", contentType)
        .header("Accept", JSON)
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build());
  }

  public Answer get(String path) {
    return get(path, JSON);
  }

  public Answer get(String path, String accept) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", accept).GET().build());
  }

  public Answer getWithHeader(String path, String name, String value) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", JSON).header(name, value).GET().build());
  }

  private static Answer send(HttpRequest request) {
    try {
      HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A status and a body, with the body read as JSON when it is JSON. */
  public record Answer(int status, String body) {

    public JsonNode json() {
      try {
        return MAPPER.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("body is not JSON: " + body, e);
      }
    }

    public List<JsonNode> cards() {
      JsonNode cards = json().get("cards");
      if (cards == null || !cards.isArray()) {
        throw new AssertionError("no cards array in " + body);
      }
      return StreamSupport.stream(cards.spliterator(), false).toList();
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }
}
