package org.pinpointcds.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * A CDS Hooks 2.0 service call, validated. Unknown fields and {@code extension} are ignored.
 *
 * @param context the hook's context fields that are JSON primitives, as text
 * @param contextObjects the hook's context fields that are JSON objects or arrays, as sent ({@code draftOrders},
 *     {@code selections})
 * @param prefetch keys as sent: a key present with JSON {@code null} is distinct from an absent key
 */
public record CdsRequest(
    String hook,
    String hookInstance,
    Optional<URI> fhirServer,
    Optional<String> accessToken,
    Map<String, String> context,
    Map<String, JsonNode> contextObjects,
    Map<String, JsonNode> prefetch) {

  public String patientId() {
    return context.get("patientId");
  }

  @Override
  public String toString() {
    // The access token never reaches a log line.
    return "CdsRequest[hook=" + hook + ", hookInstance=" + hookInstance + ", fhirServer=" + fhirServer.orElse(null)
        + ", prefetchKeys=" + prefetch.keySet() + "]";
  }
}
