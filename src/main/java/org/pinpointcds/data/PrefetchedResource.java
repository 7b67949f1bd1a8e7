package org.pinpointcds.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.IdType;

/**
 * One resource of a call's prefetch, still JSON.
 *
 * @param key the prefetch key that brought it, for messages about it
 * @param fullUrl the {@code fullUrl} of its Bundle entry, or null
 */
record PrefetchedResource(String key, String fullUrl, ObjectNode json) {

  private static final Pattern PLAIN_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

  String type() {
    return json.path("resourceType").asText();
  }

  /**
   * The id HAPI gives the resource: its {@code id}, or in a Bundle entry without one, the entry's {@code fullUrl}
   * (HAPI's parser does the same).
   */
  Optional<String> idPart() {
    JsonNode id = json.get("id");
    String value = id != null && id.isValueNode() && !id.isNull() && !id.asText().isBlank() ? id.asText() : fullUrl;
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    // A plain FHIR id is its own id part; anything else (a URL, Type/id) is split as HAPI splits it.
    return PLAIN_ID.matcher(value).matches() ? Optional.of(value) : Optional.ofNullable(new IdType(value).getIdPart());
  }

  /** {@code Type/id}, the reference a resource pool knows it by. */
  Optional<String> reference() {
    return idPart().map(id -> type() + "/" + id);
  }
}
