package org.pinpointcds.triage;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The snapshot seen at one moment: look-backs applied once, so that each rule reads only what counts. The order-time
 * check (contract 6) reads the patient through it too, so that both services see the same findings and counts.
 */
public record TriageContext(
    Instant now,
    TriageSettings settings,
    Optional<Integer> ageYears,
    List<SkinFinding> recentFindings,
    List<SkinFinding> nonBlanchingFindings,
    List<SkinFinding> untestedFindings,
    List<ConditionEntry> petechiaeConditions,
    List<Temperature> recentTemperatures,
    List<ConditionEntry> recentFeverConditions,
    List<ConditionEntry> thrombocytopeniaConditions,
    Optional<PlateletCount> latestPlateletCount,
    Optional<DataGap> unreadableLatestCount,
    List<MedicationUse> currentMedicines,
    List<DataGap> unread) {

  /** Newest first; of two at one moment, the earlier in the data. */
  private static final Comparator<SkinFinding> NEWEST_FIRST =
      Comparator.comparing((SkinFinding f) -> f.observedAt().first()).reversed();

  public static TriageContext of(PatientSnapshot snapshot, TriageSettings settings, Instant now) {
    List<SkinFinding> recent =
        snapshot.skinFindings().stream()
            .filter(f -> f.observedAt().within(now, settings.findingLookback()))
            .sorted(NEWEST_FIRST)
            .toList();
    Optional<PlateletCount> latest = latest(snapshot.plateletCounts());
    Optional<DataGap> unreadableLatest = unreadableLatest(snapshot.gaps(), latest);
    return new TriageContext(
        now,
        settings,
        snapshot.birthDate().map(born -> Period.between(born, now.atZone(settings.siteTimeZone()).toLocalDate()).getYears()),
        recent,
        recent.stream().filter(SkinFinding::isNonBlanching).toList(),
        recent.stream().filter(SkinFinding::isUntestedRed).toList(),
        conditions(snapshot, ConditionKind.PETECHIAE, now, settings.findingLookback()),
        snapshot.temperatures().stream()
            .filter(t -> t.measuredAt().within(now, settings.temperatureLookback()))
            .toList(),
        conditions(snapshot, ConditionKind.FEVER, now, settings.feverConditionLookback()),
        snapshot.conditions().stream().filter(c -> c.kind() == ConditionKind.THROMBOCYTOPENIA).toList(),
        latest,
        unreadableLatest,
        snapshot.medications().stream()
            .filter(m -> m.drugClass().isTriaged() && isCurrent(m, now, settings)).toList(),
        snapshot.gaps().stream().filter(g -> couldChangeTriage(g, now, settings, latest)).toList());
  }

  /** A non-blanching skin finding or a petechiae diagnosis from the look-back. */
  boolean hasNonBlanchingFinding() {
    return !nonBlanchingFindings.isEmpty() || !petechiaeConditions.isEmpty();
  }

  /**
   * A recent finding that is, or may be, non-blanching (contract 5.4): the concern the emergency and same-day rules
   * judge.
   */
  public boolean hasRedFinding() {
    return hasNonBlanchingFinding() || !untestedFindings.isEmpty();
  }

  /**
   * The finding whose documented cause explains the spots (contract 5.4): the latest non-blanching one, else the
   * latest untested red one. A trigger recorded on an older finding does not explain a newer one.
   */
  public Optional<SkinFinding> latestRedFinding() {
    return nonBlanchingFindings.stream().findFirst().or(() -> untestedFindings.stream().findFirst());
  }

  boolean isChild() {
    return ageYears.map(age -> age < settings.childBelowAgeYears()).orElse(false);
  }

  /** Evidence for every listed symptom recorded on any recent finding. */
  List<Evidence> symptoms(Set<Symptom> wanted) {
    return onAnyFinding(Evidence.Aspect.SYMPTOM, f -> f.components().symptoms().stream().filter(wanted::contains));
  }

  /**
   * Evidence for each value {@code values} extracts from any recent skin finding: once the patient has a red finding,
   * its red flags and same-day signs count whatever finding they were recorded on (contract 5.4).
   */
  <T extends Coded> List<Evidence> onAnyFinding(Evidence.Aspect aspect, Function<SkinFinding, Stream<T>> values) {
    return recentFindings.stream()
        .flatMap(f -> values.apply(f).map(v -> (Evidence) new Evidence.FindingNote(f, aspect, List.of(v.code()))))
        .toList();
  }

  boolean spreadingOrWidespread(SkinFinding finding) {
    FindingComponents c = finding.components();
    return c.spreading()
        || c.extents().contains(Extent.WIDESPREAD)
        || c.distributions().contains(Distribution.GENERALIZED);
  }

  private static List<ConditionEntry> conditions(
      PatientSnapshot snapshot, ConditionKind kind, Instant now, Duration lookback) {
    return snapshot.conditions().stream()
        .filter(c -> c.kind() == kind && c.dated().map(d -> d.within(now, lookback)).orElse(false))
        .toList();
  }

  /** The most recent count; of two taken at the same moment, the lower (the safer reading). */
  private static Optional<PlateletCount> latest(List<PlateletCount> counts) {
    return counts.stream()
        .max(Comparator.comparing((PlateletCount p) -> p.takenAt().first())
            .thenComparing(Comparator.comparingDouble(PlateletCount::mostUrgentValue).reversed()));
  }

  /**
   * A counted platelet result whose value could not be read and that is not older than the latest count read: the
   * latest count is then unknown (contract 5.3).
   */
  private static Optional<DataGap> unreadableLatest(List<DataGap> gaps, Optional<PlateletCount> latest) {
    return gaps.stream()
        .filter(g -> g.kind() == DataGap.Kind.PLATELET_COUNT && g.dated().isPresent())
        .filter(g -> notOlderThan(g.dated().get(), latest))
        .max(Comparator.comparing(g -> g.dated().get().first()));
  }

  /**
   * Whether an unread resource could change the answer now: inside the look-back of what it would have been (a
   * platelet result: not older than the latest count read); an undated one always could.
   */
  private static boolean couldChangeTriage(DataGap gap, Instant now, TriageSettings settings,
      Optional<PlateletCount> latest) {
    if (gap.dated().isEmpty()) {
      return true;
    }
    When dated = gap.dated().get();
    return switch (gap.kind()) {
      case SKIN_FINDING -> dated.within(now, settings.findingLookback());
      case TEMPERATURE -> dated.within(now, settings.temperatureLookback());
      case PLATELET_COUNT -> notOlderThan(dated, latest);
      case CONDITION -> dated.within(now, settings.findingLookback())
          || dated.within(now, settings.feverConditionLookback());
      case MEDICATION -> true;
    };
  }

  /** A platelet result as late as the latest count read, or later: it could be the latest. */
  private static boolean notOlderThan(When dated, Optional<PlateletCount> latest) {
    return latest.map(l -> !dated.first().isBefore(l.takenAt().first())).orElse(true);
  }

  private static boolean isCurrent(MedicationUse medicine, Instant now, TriageSettings settings) {
    return medicine.endedAt().map(ended -> ended.within(now, settings.lookback(medicine.drugClass()))).orElse(true);
  }
}
