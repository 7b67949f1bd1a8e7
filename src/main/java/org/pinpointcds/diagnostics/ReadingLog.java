package org.pinpointcds.diagnostics;

import java.util.Locale;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Resource;
import org.pinpointcds.data.Ignored;
import org.pinpointcds.data.ReadingReport;
import org.pinpointcds.triage.CbcOrder;
import org.pinpointcds.triage.Coded;
import org.pinpointcds.triage.ConditionEntry;
import org.pinpointcds.triage.FindingComponents;
import org.pinpointcds.triage.Formats;
import org.pinpointcds.triage.MedicationUse;
import org.pinpointcds.triage.PlateletCount;
import org.pinpointcds.triage.SetAside;
import org.pinpointcds.triage.SkinFinding;
import org.pinpointcds.triage.Temperature;
import org.pinpointcds.triage.When;

/** Records the data layer's decisions, in the order it met the resources, and writes them up. */
final class ReadingLog implements ReadingReport {

  /** One resource's decisions as they come in. */
  private static final class Entry {
    String readAs;
    Ignored ignored;
    final List<String> reads = new ArrayList<>();
    final List<String> notes = new ArrayList<>();

    /** What it was read as first, then what was left out or why it was ignored. */
    List<String> details() {
      List<String> details = new ArrayList<>(reads);
      details.addAll(notes);
      return details;
    }
  }

  private final Map<Resource, Entry> entries = new IdentityHashMap<>();
  private final Map<Resource, String> order = new LinkedHashMap<>();
  private final Map<String, String> prefetch = new LinkedHashMap<>();

  @Override
  public void read(Resource resource, Object item) {
    Entry entry = entry(resource);
    entry.readAs = kind(item);
    entry.reads.add(describe(item));
  }

  @Override
  public void ignored(Resource resource, Ignored why, Supplier<String> detail) {
    Entry entry = entry(resource);
    entry.ignored = why;
    entry.notes.add(detail.get());
  }

  @Override
  public void note(Resource resource, Supplier<String> detail) {
    entry(resource).notes.add(detail.get());
  }

  @Override
  public void prefetchKey(String key, String status) {
    prefetch.put(key, status);
  }

  Map<String, String> prefetch() {
    return prefetch;
  }

  /** Every resource's reading, with what the rules set aside merged in. */
  List<ResourceReading> readings(List<SetAside> setAside) {
    Map<String, List<SetAside>> asideByReference = new LinkedHashMap<>();
    setAside.forEach(a -> asideByReference.computeIfAbsent(a.reference(), r -> new ArrayList<>()).add(a));
    List<ResourceReading> readings = new ArrayList<>();
    order.forEach((resource, reference) -> {
      Entry entry = entries.get(resource);
      List<String> details = entry.details();
      if (entry.ignored != null) {
        readings.add(new ResourceReading(reference, resource.fhirType(), ResourceReading.IGNORED, entry.ignored.code(), details));
        return;
      }
      List<SetAside> asides = asideByReference.getOrDefault(reference, List.of());
      asides.forEach(a -> details.add(a.detail()));
      boolean unused = !asides.isEmpty() && asides.size() >= entry.reads.size();
      readings.add(new ResourceReading(reference, entry.readAs, unused ? ResourceReading.READ_NOT_USED : ResourceReading.READ,
          unused ? asides.get(0).reason() : null, details));
    });
    return readings;
  }

  private Entry entry(Resource resource) {
    order.computeIfAbsent(resource, ReadingLog::reference);
    return entries.computeIfAbsent(resource, r -> new Entry());
  }

  private static String reference(Resource resource) {
    return resource.getIdElement().hasIdPart()
        ? resource.fhirType() + "/" + resource.getIdElement().getIdPart()
        : resource.fhirType() + " (no id)";
  }

  private static String kind(Object item) {
    if (item instanceof SkinFinding) {
      return "skin-finding";
    } else if (item instanceof Temperature) {
      return "temperature";
    } else if (item instanceof PlateletCount) {
      return "platelet-count";
    } else if (item instanceof ConditionEntry) {
      return "condition";
    } else if (item instanceof CbcOrder) {
      return "cbc-order";
    } else if (item instanceof Optional<?>) {
      return "patient";
    }
    return "medication";
  }

  private static String describe(Object item) {
    if (item instanceof SkinFinding f) {
      return "skin finding '" + f.name() + "' ("
          + (f.isNonBlanching() ? "counts as non-blanching" : f.isBlanching() ? "counts as blanching" : "not characterised")
          + "), observed " + when(f.observedAt()) + components(f.components());
    } else if (item instanceof Temperature t) {
      return "body temperature " + number(t.celsius()) + " °C" + (t.unitInferred() ? " (unit inferred from the value)" : "")
          + ", measured " + when(t.measuredAt());
    } else if (item instanceof PlateletCount p) {
      return "platelet count " + p.bound().symbol() + number(p.perNanolitre()) + " x10^9/L (recorded as " + p.asRecorded()
          + (p.bound() == PlateletCount.Bound.EXACT ? "" : ": a range, read as the most urgent band it allows") + "), taken "
          + when(p.takenAt());
    } else if (item instanceof ConditionEntry c) {
      return c.kind().name().toLowerCase(Locale.ROOT) + " diagnosis '" + c.name() + "', "
          + c.dated().map(d -> "dated " + when(d)).orElse("undated");
    } else if (item instanceof MedicationUse m) {
      return m.drugClass().label() + ": '" + m.name() + "'" + m.endedAt().map(e -> ", ended " + when(e))
          .orElse(m.stopped() ? ", stopped at a date not recorded: counted as recent" : ", current");
    } else if (item instanceof CbcOrder o) {
      return "CBC order '" + o.name() + "', authored " + when(o.authoredOn());
    } else if (item instanceof Optional<?> birthDate) {
      return birthDate.map(d -> "the patient, born " + (LocalDate) d)
          .orElse("the patient, with no birthDate: age unknown, so the child rules cannot apply");
    }
    return "a Medication, read through the statements and requests that reference it";
  }

  private static String components(FindingComponents c) {
    List<String> parts = new ArrayList<>();
    c.blanches().ifPresent(b -> parts.add(b ? "blanches" : "does not blanch"));
    c.onset().ifPresent(o -> parts.add("onset " + Formats.when(o)));
    if (c.spreading()) {
      parts.add("spreading");
    }
    c.maxDiameterMm().ifPresent(d -> parts.add("largest spot " + number(d) + " mm"));
    Stream.<Set<? extends Coded>>of(c.extents(), c.distributions(), c.triggers(), c.mucosalSites(), c.symptoms(),
        c.lesionFeatures()).flatMap(Set::stream).forEach(v -> parts.add(v.code()));
    return parts.isEmpty() ? "; no components" : "; components: " + String.join(", ", parts);
  }

  /** At most one decimal, no trailing zeros: 37.1, 98, 2.5. */
  private static String number(double value) {
    return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
  }

  /** An instant, or a date without a time as written: a whole period (contract 5.1). */
  private static String when(When when) {
    return when.period().map(p -> p + " (the whole period)").orElseGet(() -> Formats.when(when.first()));
  }
}
