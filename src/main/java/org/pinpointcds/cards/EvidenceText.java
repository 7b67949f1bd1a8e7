package org.pinpointcds.cards;

import java.util.List;
import org.pinpointcds.triage.DataGap;
import org.pinpointcds.triage.Evidence;
import org.pinpointcds.triage.Formats;
import org.pinpointcds.triage.MedicationUse;
import org.pinpointcds.triage.PlateletCount;
import org.pinpointcds.triage.SkinFinding;
import org.pinpointcds.triage.Temperature;
import org.pinpointcds.triage.When;

/** Words the data behind a reason the same way on every card: "what (reference, date)". */
public final class EvidenceText {

  /** What a child's non-blanching rash calls for at least (contract 4). */
  static final String CHILD_MINIMUM = "a non-blanching rash without a mechanical cause is a same-day assessment at least";

  private EvidenceText() {}

  public static String of(Evidence evidence) {
    if (evidence instanceof Evidence.FindingNote note) {
      return sourced(note(note), note.finding());
    } else if (evidence instanceof Evidence.SpotSize size) {
      return sourced("largest spot " + Formats.number(size.diameterMm()) + " mm", size.finding());
    } else if (evidence instanceof Evidence.TemperatureReading reading) {
      return temperature(reading.temperature());
    } else if (evidence instanceof Evidence.PlateletReading reading) {
      return platelets(reading.count());
    } else if (evidence instanceof Evidence.Diagnosis diagnosis) {
      String what = "diagnosis " + diagnosis.condition().name();
      String reference = diagnosis.condition().reference();
      return diagnosis.condition().dated().map(d -> sourced(what, reference, d))
          .orElse(what + " (" + reference + ", undated)");
    } else if (evidence instanceof Evidence.Medicine medicine) {
      return medicine(medicine.medicine());
    } else if (evidence instanceof Evidence.UnreadCount unread) {
      DataGap gap = unread.gap();
      return sourced(gap.detail(), gap.reference(), gap.dated().orElseThrow());
    } else if (evidence instanceof Evidence.RedFlag flag) {
      return Formats.label(flag.kind().code()) + ": " + of(flag.evidence());
    } else if (evidence instanceof Evidence.NoCountOnRecord) {
      return "no platelet count on record";
    } else if (evidence instanceof Evidence.StaleCount stale) {
      return "the latest count is older than the look-back: " + platelets(stale.count());
    } else if (evidence instanceof Evidence.UnreadLatestCount unread) {
      DataGap gap = unread.gap();
      return "the latest platelet count could not be read: " + sourced(gap.detail(), gap.reference(), gap.dated().orElseThrow());
    } else if (evidence instanceof Evidence.ChildAged child) {
      return "child aged " + child.years() + ": " + CHILD_MINIMUM;
    }
    throw new IllegalArgumentException("no wording for " + evidence);
  }

  /** A medicine: name, class, source and whether it is current. */
  static String medicine(MedicationUse medicine) {
    String status = medicine.endedAt().map(ended -> "stopped " + Formats.when(ended))
        .orElse(medicine.stopped() ? "stopped, date not recorded: counted as recent" : "current");
    return medicine.name() + " (" + medicine.drugClass().label() + "; " + medicine.reference() + ", " + status + ")";
  }

  private static String note(Evidence.FindingNote note) {
    String name = note.finding().name();
    return switch (note.aspect()) {
      case NO_CAUSE_RECORDED -> name + " with no cause recorded";
      case BLANCHES -> name + " that blanches";
      case BLANCHING_NOT_RECORDED -> name + ", blanching not recorded";
      case RECORDED_AS_PURPURA -> "recorded as " + name;
      case SPREADING_OR_WIDESPREAD, MECHANICAL_TRIGGER, SYMPTOM -> labels(note.codes());
      case LESION_FEATURE -> name + ": " + labels(note.codes());
      case MUCOSAL_SITE -> "mucosal spots: " + labels(note.codes());
      case RECORDED -> name;
    };
  }

  private static String temperature(Temperature t) {
    return sourced("temperature " + Formats.number(t.celsius()) + " °C"
        + (t.unitInferred() ? " (recorded without a unit: the unit was inferred from the value)" : ""),
        t.reference(), t.measuredAt());
  }

  /** The normalised value first, then as recorded. */
  private static String platelets(PlateletCount count) {
    String value = count.bound().symbol() + Formats.number(count.perNanolitre()) + " x10^9/L";
    String what = "platelet count " + value;
    if (!count.asRecorded().isBlank()) {
      what += " (recorded as " + count.asRecorded() + ")";
    }
    if (count.bound() != PlateletCount.Bound.EXACT) {
      what += ", reported as " + value + ": read as the most urgent band that range allows";
    }
    return sourced(what, count.reference(), count.takenAt());
  }

  private static String labels(List<String> codes) {
    return String.join(", ", codes.stream().map(Formats::label).toList());
  }

  private static String sourced(String what, SkinFinding finding) {
    return sourced(what, finding.reference(), finding.observedAt());
  }

  private static String sourced(String what, String reference, When at) {
    return what + " (" + reference + ", " + Formats.when(at) + ")";
  }
}
