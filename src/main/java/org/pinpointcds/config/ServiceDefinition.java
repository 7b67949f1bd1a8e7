package org.pinpointcds.config;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pinpointcds.triage.Coded;

/**
 * One CDS service as written in {@code cds-services/<id>.json}: what discovery shows (id, hook, title,
 * description, prefetch templates) and the service's own settings (thresholds, guidance, units, cards). Read
 * strictly: an unknown or mistyped field stops start-up with the file and the field.
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
    Units units,
    Cards cards,
    List<AlsoOn> alsoOn) {

  /** A configurable value (a number, a duration or a zone, as text) with the guidance or decision it comes from. */
  public record Setting(String value, String source) {}

  public record GuidanceEntry(String label, String url) {}

  /**
   * The units a reading may arrive in (contract 5.2, 5.3).
   *
   * @param plateletFactors to x10^9/L, by unit as written
   * @param millimetreFactors to mm, by unit as written
   */
  public record Units(Map<String, Double> plateletFactors, Set<String> celsius, Set<String> fahrenheit,
      Set<String> kelvin, Map<String, Double> millimetreFactors) {}

  /** What the cards say besides the assessment: the source label, the orders they suggest, the override reasons. */
  public record Cards(String sourceLabel, Map<String, Order> orders, Map<String, List<String>> overrideReasons) {

    public Cards {
      orders = orders == null ? Map.of() : Map.copyOf(orders);
      overrideReasons = overrideReasons == null ? Map.of() : Map.copyOf(overrideReasons);
    }
  }

  /** A suggested order's code (optional: a referral may have text only) and its text. */
  public record Order(String system, String code, String display, String text) {}

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

  /**
   * Stops start-up naming this file when one of its thresholds is not a name of {@code names}: a typo would
   * otherwise leave the threshold it meant at its default, unnoticed.
   */
  <E extends Enum<E> & Coded> void requireThresholdsNamedBy(Class<E> names, String applier) {
    thresholds.keySet().stream()
        .filter(name -> Coded.fromCode(names, name).isEmpty())
        .findFirst()
        .ifPresent(name -> {
          throw new IllegalStateException("cds-services/" + id + ".json: threshold '" + name + "' is not one "
              + applier + " applies (" + Arrays.stream(names.getEnumConstants()).map(Coded::code).toList() + ")");
        });
  }

  private static void requireText(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("service definition needs a '" + field + "'");
    }
  }
}
