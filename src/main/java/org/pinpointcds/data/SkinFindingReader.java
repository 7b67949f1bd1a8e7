package org.pinpointcds.data;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Observation;
import org.pinpointcds.terminology.Terminology;
import org.pinpointcds.terminology.ValueSetIndex;
import org.pinpointcds.triage.FindingKind;
import org.pinpointcds.triage.SkinFinding;

/**
 * Reads a skin finding Observation (profile PinpointSkinFinding, contract section 3.1): its kind from the
 * value sets (codes first, {@code code.text} keywords as a last resort) and its components.
 */
final class SkinFindingReader {

  /** Checked in this order: the first value set that matches decides the kind. */
  private final Map<FindingKind, ValueSetIndex> kinds = new LinkedHashMap<>();
  private final ComponentReader components;

  SkinFindingReader(Terminology terminology, ReadingUnits units) {
    kinds.put(FindingKind.PURPURA, terminology.valueSet("purpura-findings"));
    kinds.put(FindingKind.NON_BLANCHING, terminology.valueSet("non-blanching-findings"));
    kinds.put(FindingKind.BLANCHING, terminology.valueSet("blanching-lesions"));
    kinds.put(FindingKind.UNCHARACTERISED, terminology.valueSet("red-skin-lesions"));
    this.components = new ComponentReader(terminology, units);
  }

  /** The finding, when the Observation is one and says when it was observed. */
  Optional<SkinFinding> read(Observation observation, Optional<Instant> observedAt, ReadingReport report) {
    Optional<FindingKind> kind = kind(observation);
    if (kind.isEmpty()) {
      report.ignored(observation, Ignored.UNKNOWN_CODE, () -> "code '" + Concepts.name(observation.getCode())
          + "' is neither a skin finding, a body temperature nor a platelet count Pinpoint knows");
      return Optional.empty();
    }
    if (observedAt.isEmpty()) {
      report.ignored(observation, Ignored.NO_DATE, () -> "skin finding without effectiveDateTime, effectivePeriod.start,"
          + " effectiveInstant or issued");
      return Optional.empty();
    }
    SkinFinding finding = new SkinFinding(
        "Observation/" + observation.getIdElement().getIdPart(),
        Concepts.name(observation.getCode()),
        kind.get(),
        observedAt.get(),
        components.read(observation, report));
    report.read(observation, finding);
    return Optional.of(finding);
  }

  private Optional<FindingKind> kind(Observation observation) {
    CodeableConcept code = observation.getCode();
    return firstKind(vs -> Concepts.hasCodingIn(code, vs))
        .or(() -> firstKind(vs -> Concepts.hasTextIn(code, vs)))
        // Components from our code system make it a skin finding even under a code we do not know.
        .or(() -> observation.getComponent().stream().anyMatch(c -> components.code(c).isPresent())
            ? Optional.of(FindingKind.UNCHARACTERISED) : Optional.empty());
  }

  private Optional<FindingKind> firstKind(Predicate<ValueSetIndex> test) {
    return kinds.entrySet().stream().filter(e -> test.test(e.getValue())).map(Map.Entry::getKey).findFirst();
  }
}
