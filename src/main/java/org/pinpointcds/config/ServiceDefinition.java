package org.pinpointcds.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
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
    JsonNode cards,
    List<AlsoOn> alsoOn) {

  /** A configurable value with the guidance or design decision it comes from. */
  public record Setting(JsonNode value, String source) {}

  public record GuidanceEntry(String label, String url) {}

  /**
   * The same service on another hook, under its own id: discovery lists it as a service of its own, and it answers
   * from the same prefetch and settings (contract 6: {@code antithrombotic-order-check-select} on order-select).
   */
  public record AlsoOn(String id, String hook, String title, String description) {}

  public ServiceDefinition {
    requireText("id", id);
    requireText("hook", hook);
    requireText("description", description);
    prefetch = new LinkedHashMap<>(prefetch == null ? Map.of() : prefetch);
    thresholds = thresholds == null ? Map.of() : Map.copyOf(thresholds);
    medicationLookbacks = medicationLookbacks == null ? Map.of() : Map.copyOf(medicationLookbacks);
    guidance = guidance == null ? Map.of() : Map.copyOf(guidance);
    alsoOn = alsoOn == null ? List.of() : List.copyOf(alsoOn);
  }

  /** This service as it answers on {@code other}'s hook, under {@code other}'s id. */
  public ServiceDefinition on(AlsoOn other) {
    return new ServiceDefinition(other.id(), other.hook(), other.title(), other.description(), prefetch, thresholds,
        medicationLookbacks, guidance, units, cards, List.of());
  }

  private static void requireText(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("service definition needs a '" + field + "'");
    }
  }
}
