package org.pinpointcds.triage;

import java.util.List;

/**
 * One datum behind a reason, as values: {@code cards/} words each kind the same way on every card, with its source
 * reference and date.
 */
public sealed interface Evidence {

  /** What a skin finding records that made the rule fire; {@code codes} are the component codes it names. */
  record FindingNote(SkinFinding finding, Aspect aspect, List<String> codes) implements Evidence {

    public FindingNote {
      codes = List.copyOf(codes);
    }

    FindingNote(SkinFinding finding, Aspect aspect) {
      this(finding, aspect, List.of());
    }
  }

  /** Which part of a finding a {@link FindingNote} is about. */
  enum Aspect {
    /** Non-blanching, and no mechanical cause recorded. */
    NO_CAUSE_RECORDED,
    BLANCHES,
    BLANCHING_NOT_RECORDED,
    /** Coded as purpura. */
    RECORDED_AS_PURPURA,
    /** Spreading, widespread or generalised: {@code codes} say which. */
    SPREADING_OR_WIDESPREAD,
    MECHANICAL_TRIGGER,
    LESION_FEATURE,
    SYMPTOM,
    MUCOSAL_SITE,
    /** The finding itself, by its name. */
    RECORDED
  }

  /** The largest spot of a finding, at or above the purpura size. */
  record SpotSize(SkinFinding finding, double diameterMm) implements Evidence {}

  record TemperatureReading(Temperature temperature) implements Evidence {}

  record PlateletReading(PlateletCount count) implements Evidence {}

  record Diagnosis(ConditionEntry condition) implements Evidence {}

  record Medicine(MedicationUse medicine) implements Evidence {}

  /** A platelet result that could not be read and may be the latest. */
  record UnreadCount(DataGap gap) implements Evidence {}

  /** A red flag of the triage (a row of {@link ReasonKind}) and the datum behind it, as the order check cites it. */
  record RedFlag(ReasonKind kind, Evidence evidence) implements Evidence {}

  /** No platelet count has been recorded. */
  record NoCountOnRecord() implements Evidence {}

  /** The latest platelet count, older than the look-back that asks for a recent one. */
  record StaleCount(PlateletCount count) implements Evidence {}

  /** The latest platelet result could not be read, so no recent count is known. */
  record UnreadLatestCount(DataGap gap) implements Evidence {}

  /** The patient is a child: a non-blanching rash without a mechanical cause is a same-day assessment at least. */
  record ChildAged(int years) implements Evidence {}
}
