package org.pinpointcds.triage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What {@link TriageContext} leaves out of a snapshot, explained: the look-backs, the latest platelet count. */
final class SetAsides {

  static final String OUTSIDE_LOOKBACK = "outside-lookback";

  private final TriageContext context;
  private final List<SetAside> found = new ArrayList<>();

  private SetAsides(TriageContext context) {
    this.context = context;
  }

  static List<SetAside> of(PatientSnapshot snapshot, TriageContext context) {
    SetAsides asides = new SetAsides(context);
    TriageSettings settings = context.settings();
    Duration cbcOrderLookback = settings.cbcOrderLookback();
    asides.older(snapshot.skinFindings(), context.recentFindings(), SkinFinding::reference, SkinFinding::observedAt,
        "finding-lookback", settings.findingLookback());
    asides.older(snapshot.temperatures(), context.recentTemperatures(), Temperature::reference, Temperature::measuredAt,
        "temperature-lookback", settings.temperatureLookback());
    asides.older(kind(snapshot, ConditionKind.PETECHIAE), context.petechiaeConditions(), ConditionEntry::reference,
        c -> c.dated().orElseThrow(), "finding-lookback", settings.findingLookback());
    asides.older(kind(snapshot, ConditionKind.FEVER), context.recentFeverConditions(), ConditionEntry::reference,
        c -> c.dated().orElseThrow(), "fever-condition-lookback", settings.feverConditionLookback());
    asides.older(snapshot.cbcOrders(), snapshot.cbcOrders().stream()
            .filter(o -> o.authoredOn().within(context.now(), cbcOrderLookback)).toList(),
        CbcOrder::reference, CbcOrder::authoredOn, "cbc-order-lookback", cbcOrderLookback);
    for (MedicationUse medicine : snapshot.medications()) {
      if (medicine.drugClass().isTriaged() && !context.currentMedicines().contains(medicine)) {
        asides.add(medicine.reference(), OUTSIDE_LOOKBACK, "ended " + Formats.when(medicine.endedAt().orElseThrow())
            + ", before the " + medicine.drugClass().label() + " look-back (medication-lookback."
            + medicine.drugClass().code() + " = " + Formats.duration(settings.lookback(medicine.drugClass())) + ")");
      }
    }
    context.latestPlateletCount().ifPresent(latest -> snapshot.plateletCounts().stream()
        .filter(count -> count != latest)
        .forEach(count -> asides.add(count.reference(), "not-latest",
            "taken " + Formats.when(count.takenAt()) + "; the rules use the latest count, " + latest.reference()
                + " of " + Formats.when(latest.takenAt()))));
    return List.copyOf(asides.found);
  }

  private <T> void older(List<T> all, List<T> kept, Function<T, String> reference, Function<T, When> when,
      String setting, Duration lookback) {
    Set<T> inView = kept.stream().collect(Collectors.toSet());
    all.stream().filter(item -> !inView.contains(item)).forEach(item -> add(reference.apply(item), OUTSIDE_LOOKBACK,
        "dated " + Formats.when(when.apply(item)) + ", before the look-back (" + setting + " = " + Formats.duration(lookback)
            + ") from " + Formats.when(context.now())));
  }

  private static List<ConditionEntry> kind(PatientSnapshot snapshot, ConditionKind kind) {
    return snapshot.conditions().stream().filter(c -> c.kind() == kind).toList();
  }

  private void add(String reference, String reason, String detail) {
    found.add(new SetAside(reference, reason, detail));
  }
}
