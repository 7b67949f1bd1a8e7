package org.pinpointcds.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One CDS service as written in {@code cds-services/<id>.json}: what discovery shows (id, hook, title,
 * description, prefetch templates) and the service's own settings (thresholds, guidance, units, cards).
 *
 * @param prefetch every key is required for a safe answer; in file order
 */
public record ServiceDefinition(
    String id,
    String hook,
    String title,
    String description,
    LinkedHashMap<String, String> prefetch,
    Map<String, Setting> thresholds,
    Map<String, Setting> medicationLookbacks,
    Map<String, GuidanceEntry> guidance,
    JsonNode units,
    JsonNode cards) {

  /** A configurable value with the guidance or design decision it comes from. */
  public record Setting(JsonNode value, String source) {}

  public record GuidanceEntry(String label, String url) {}

  public ServiceDefinition {
    requireText("id", id);
    requireText("hook", hook);
    requireText("description", description);
    prefetch = new LinkedHashMap<>(prefetch == null ? Map.of() : prefetch);
    thresholds = thresholds == null ? Map.of() : Map.copyOf(thresholds);
    medicationLookbacks = medicationLookbacks == null ? Map.of() : Map.copyOf(medicationLookbacks);
    guidance = guidance == null ? Map.of() : Map.copyOf(guidance);
  }

  private static void requireText(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("service definition needs a '" + field + "'");
    }
  }
}
