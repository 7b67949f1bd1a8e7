package org.pinpointcds.triage;

import java.util.Set;
import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;

/**
 * Thresholds, look-backs and guidance the rules use; values come from configuration (defaults in
 * {@code cds-services/petechiae-triage.json}, each with its source).
 *
 * @param criticalPlateletsBelow a latest count below this (x10^9/L) is an emergency
 * @param lowPlateletsBelow a latest count below this and at or above the critical one needs a same-day CBC
 * @param siteTimeZone where dates without a time are whole days, months or years (contract 5.1), and ages are counted
 * @param medicationLookbacks how long after a medicine was stopped it still counts, per class
 */
public record TriageSettings(
    Duration findingLookback,
    double feverCelsius,
    Duration temperatureLookback,
    Duration feverConditionLookback,
    double criticalPlateletsBelow,
    double lowPlateletsBelow,
    double purpuraDiameterMm,
    int childBelowAgeYears,
    Duration cbcOrderLookback,
    ZoneId siteTimeZone,
    Map<DrugClass, Duration> medicationLookbacks,
    Map<ReasonKind, Guidance> guidance) {

  public TriageSettings {
    if (criticalPlateletsBelow >= lowPlateletsBelow) {
      throw new IllegalArgumentException(
          "critical platelet threshold must be below the low one, got %s and %s"
              .formatted(criticalPlateletsBelow, lowPlateletsBelow));
    }
    requireAll("medication look-back", medicationLookbacks.keySet(), EnumSet.copyOf(DrugClass.triaged()));
    requireAll("guidance", guidance.keySet(), EnumSet.allOf(ReasonKind.class));
    medicationLookbacks = Map.copyOf(new EnumMap<>(medicationLookbacks));
    guidance = Map.copyOf(new EnumMap<>(guidance));
  }

  public Duration lookback(DrugClass drugClass) {
    return medicationLookbacks.get(drugClass);
  }

  public Guidance guidanceFor(ReasonKind kind) {
    return guidance.get(kind);
  }

  private static <E extends Enum<E>> void requireAll(String what, Set<E> given, EnumSet<E> all) {
    EnumSet<E> missing = EnumSet.copyOf(all);
    missing.removeAll(given);
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(what + " missing for " + missing);
    }
  }
}
