package org.pinpointcds.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.hl7.fhir.r4.model.IdType;

/**
 * One resource of a call's prefetch, still JSON.
 *
 * @param key the prefetch key that brought it, for messages about it
 * @param fullUrl the {@code fullUrl} of its Bundle entry, or null
 * @param type its {@code resourceType}
 * @param idPart the id HAPI gives it, or null: its {@code id}, or in a Bundle entry without one the entry's
 *     {@code fullUrl} (HAPI's parser does the same), split as HAPI splits it
 */
record PrefetchedResource(String key, String fullUrl, ObjectNode json, String type, String idPart) {

  static PrefetchedResource of(String key, String fullUrl, ObjectNode json) {
    JsonNode id = json.get("id");
    String value = id != null && id.isValueNode() && !id.isNull() && !id.asText().isBlank() ? id.asText() : fullUrl;
    String idPart = value == null || value.isBlank() ? null : isPlainId(value) ? value : new IdType(value).getIdPart();
    return new PrefetchedResource(key, fullUrl, json, json.path("resourceType").asText(), idPart);
  }

  /** {@code Type/id}, the reference a resource pool knows it by. */
  Optional<String> reference() {
    return idPart == null ? Optional.empty() : Optional.of(type + "/" + idPart);
  }

  /** A FHIR id ({@code [A-Za-z0-9\-.]{1,64}}) is its own id part: no need to split it. */
  private static boolean isPlainId(String value) {
    if (value.length() > 64) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.')) {
        return false;
      }
    }
    return true;
  }
}
