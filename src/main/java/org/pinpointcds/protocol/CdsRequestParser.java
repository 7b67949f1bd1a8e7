package org.pinpointcds.protocol;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.pinpointcds.data.HookCallTree;

/** Reads and validates the JSON of a service call and of feedback (CDS Hooks 2.0, Calling a CDS Service). */
public final class CdsRequestParser {

  private final ObjectMapper mapper;
  private final HookCallTree hookCallTree;

  public CdsRequestParser(ObjectMapper mapper) {
    this.mapper = mapper;
    this.hookCallTree = new HookCallTree(mapper);
  }

  /** The whole tree, for feedback, the diagnostics and the floor. */
  public JsonNode readObject(byte[] body) {
    return object(body == null || body.length == 0 ? null : () -> mapper.readTree(body));
  }

  /** A hook call, its prefetch resources without the elements nothing reads ({@link HookCallTree}). */
  public CdsRequest parse(byte[] body) {
    return request(object(body == null || body.length == 0 ? null : () -> hookCallTree(mapper.createParser(body))));
  }

  /** Straight from the request's stream: a long stay's megabyte is then never held as bytes as well as a tree. */
  CdsRequest parse(InputStream body) {
    return request(object(() -> hookCallTree(mapper.createParser(body))));
  }

  /** A hook call already read as a whole tree ({@link #readObject}), as the diagnostics read it. */
  public CdsRequest parse(JsonNode call) {
    return request(call);
  }

  private JsonNode hookCallTree(JsonParser json) throws IOException {
    try (json) {
      return hookCallTree.read(json);
    }
  }

  /** @param read reads the tree; null for a body known to be empty */
  private static JsonNode object(TreeRead read) {
    JsonNode json;
    try {
      json = read == null ? null : read.tree();
    } catch (InputCoercionException e) {
      throw ProtocolException.badRequest(e.getOriginalMessage());
    } catch (JsonProcessingException e) {
      throw ProtocolException.badRequest("the request body is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw ProtocolException.badRequest("the request body cannot be read");
    }
    if (json == null || json.isMissingNode()) {
      throw ProtocolException.badRequest("the request body is empty; a JSON object is required");
    }
    if (!json.isObject()) {
      throw ProtocolException.badRequest("the request body must be a JSON object");
    }
    return json;
  }

  @FunctionalInterface
  private interface TreeRead {
    JsonNode tree() throws IOException;
  }

  private static CdsRequest request(JsonNode json) {
    String hook = requiredText(json, "hook");
    String hookInstance = requiredText(json, "hookInstance");
    JsonNode context = json.get("context");
    if (context == null || !context.isObject()) {
      throw ProtocolException.badRequest("missing required field 'context' (a JSON object)");
    }
    requiredText(context, "patientId", "context.patientId");
    Map<String, String> contextFields = new LinkedHashMap<>();
    Map<String, JsonNode> contextObjects = new LinkedHashMap<>();
    context.fields().forEachRemaining(field -> {
      if (field.getValue().isValueNode() && !field.getValue().isNull()) {
        contextFields.put(field.getKey(), field.getValue().asText());
      } else if (field.getValue().isContainerNode()) {
        contextObjects.put(field.getKey(), field.getValue());
      }
    });
    Optional<URI> fhirServer = fhirServer(json);
    Optional<String> accessToken = accessToken(json);
    if (accessToken.isPresent() && fhirServer.isEmpty()) {
      throw ProtocolException.badRequest("'fhirAuthorization' requires 'fhirServer' (CDS Hooks 2.0, cds-r-1)");
    }
    return new CdsRequest(hook, hookInstance, fhirServer, accessToken, contextFields, contextObjects, prefetch(json));
  }

  private static Optional<URI> fhirServer(JsonNode json) {
    JsonNode node = json.get("fhirServer");
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    String text = node.isTextual() ? node.asText().trim() : "";
    try {
      URI uri = new URI(text);
      if (uri.isAbsolute() && ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
          && uri.getHost() != null) {
        return Optional.of(uri);
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw ProtocolException.badRequest("'fhirServer' must be an absolute http(s) URL");
  }

  private static Optional<String> accessToken(JsonNode json) {
    JsonNode auth = json.get("fhirAuthorization");
    if (auth == null || auth.isNull()) {
      return Optional.empty();
    }
    if (!auth.isObject()) {
      throw ProtocolException.badRequest("'fhirAuthorization' must be a JSON object");
    }
    JsonNode token = auth.get("access_token");
    if (token == null || !token.isTextual() || token.asText().isBlank()) {
      throw ProtocolException.badRequest("'fhirAuthorization.access_token' is required");
    }
    JsonNode type = auth.get("token_type");
    if (type != null && !"bearer".equalsIgnoreCase(type.asText())) {
      throw ProtocolException.badRequest("'fhirAuthorization.token_type' must be 'Bearer'");
    }
    return Optional.of(token.asText());
  }

  private static Map<String, JsonNode> prefetch(JsonNode json) {
    JsonNode prefetch = json.get("prefetch");
    Map<String, JsonNode> keys = new LinkedHashMap<>();
    if (prefetch == null || prefetch.isNull()) {
      return keys;
    }
    if (!prefetch.isObject()) {
      throw ProtocolException.badRequest("'prefetch' must be a JSON object");
    }
    prefetch.fields().forEachRemaining(e -> keys.put(e.getKey(), e.getValue()));
    return keys;
  }

  static String requiredText(JsonNode json, String field) {
    return requiredText(json, field, field);
  }

  private static String requiredText(JsonNode json, String field, String path) {
    JsonNode node = json.get(field);
    if (node == null || !node.isTextual() || node.asText().isBlank()) {
      throw ProtocolException.badRequest("missing required field '" + path + "' (a non-empty string)");
    }
    return node.asText();
  }
}
