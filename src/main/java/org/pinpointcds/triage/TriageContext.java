package org.pinpointcds.triage;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/** The snapshot seen at one moment: look-backs applied once, so that each rule reads only what counts. */
record TriageContext(
    Instant now,
    TriageSettings settings,
    Optional<Integer> ageYears,
    List<SkinFinding> recentFindings,
    List<SkinFinding> nonBlanchingFindings,
    List<ConditionEntry> petechiaeConditions,
    List<Temperature> recentTemperatures,
    List<ConditionEntry> recentFeverConditions,
    Optional<PlateletCount> latestPlateletCount,
    List<MedicationUse> currentMedicines) {

  static TriageContext of(PatientSnapshot snapshot, TriageSettings settings, Instant now) {
    List<SkinFinding> recent =
        snapshot.skinFindings().stream()
            .filter(f -> within(f.observedAt(), now, settings.findingLookback()))
            .sorted(Comparator.comparing(SkinFinding::observedAt).reversed())
            .toList();
    return new TriageContext(
        now,
        settings,
        snapshot.birthDate().map(born -> Period.between(born, now.atZone(ZoneOffset.UTC).toLocalDate()).getYears()),
        recent,
        recent.stream().filter(SkinFinding::isNonBlanching).toList(),
        conditions(snapshot, ConditionKind.PETECHIAE, now, settings.findingLookback()),
        snapshot.temperatures().stream()
            .filter(t -> within(t.measuredAt(), now, settings.temperatureLookback()))
            .toList(),
        conditions(snapshot, ConditionKind.FEVER, now, settings.feverConditionLookback()),
        latest(snapshot.plateletCounts()),
        snapshot.medications().stream().filter(m -> isCurrent(m, now, settings)).toList());
  }

  /** A non-blanching skin finding or a petechiae diagnosis from the look-back. */
  boolean hasNonBlanchingFinding() {
    return !nonBlanchingFindings.isEmpty() || !petechiaeConditions.isEmpty();
  }

  boolean isChild() {
    return ageYears.map(age -> age < settings.childBelowAgeYears()).orElse(false);
  }

  /** Evidence for every listed symptom recorded on a recent non-blanching finding. */
  List<String> symptoms(Set<Symptom> wanted) {
    return onNonBlanching(f -> f.components().symptoms().stream().filter(wanted::contains));
  }

  /** Evidence for each value {@code values} extracts from a recent non-blanching finding. */
  <T extends Coded> List<String> onNonBlanching(Function<SkinFinding, Stream<T>> values) {
    return nonBlanchingFindings.stream()
        .flatMap(f -> values.apply(f).map(v -> Evidence.of(Evidence.label(v), f.reference(), f.observedAt())))
        .toList();
  }

  boolean spreadingOrWidespread(SkinFinding finding) {
    FindingComponents c = finding.components();
    return c.spreading()
        || c.extents().contains(Extent.WIDESPREAD)
        || c.distributions().contains(Distribution.GENERALIZED);
  }

  private static List<ConditionEntry> conditions(
      PatientSnapshot snapshot, ConditionKind kind, Instant now, java.time.Duration lookback) {
    return snapshot.conditions().stream()
        .filter(c -> c.kind() == kind && within(c.dated(), now, lookback))
        .toList();
  }

  /** The most recent count; of two taken at the same moment, the lower (the safer reading). */
  private static Optional<PlateletCount> latest(List<PlateletCount> counts) {
    return counts.stream()
        .max(Comparator.comparing(PlateletCount::takenAt)
            .thenComparing(Comparator.comparingDouble(PlateletCount::perNanolitre).reversed()));
  }

  private static boolean isCurrent(MedicationUse medicine, Instant now, TriageSettings settings) {
    return medicine.endedAt().map(ended -> within(ended, now, settings.lookback(medicine.drugClass()))).orElse(true);
  }

  /** Not older than the look-back; later dates (clock skew, planned times) count as recent. */
  static boolean within(Instant when, Instant now, java.time.Duration lookback) {
    return !when.isBefore(now.minus(lookback));
  }
}
