package org.pinpointcds.data;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Observation;
import org.pinpointcds.data.UnreadResources.Why;
import org.pinpointcds.terminology.Terminology;
import org.pinpointcds.terminology.ValueSetIndex;
import org.pinpointcds.triage.DataGap;
import org.pinpointcds.triage.FindingKind;
import org.pinpointcds.triage.SkinFinding;
import org.pinpointcds.triage.When;

/**
 * Reads a skin finding Observation (profile PinpointSkinFinding, contract section 3.1): its kind from the
 * value sets (codes first, {@code code.text} keywords as a last resort, respecting negation) and its components.
 */
final class SkinFindingReader {

  /** The prefetch key of skin findings: an Observation there whose code cannot be read may be one. */
  static final String KEY = "skinFindings";

  /** Checked in this order: the first value set that matches decides the kind. */
  private final Map<FindingKind, ValueSetIndex> kinds = new LinkedHashMap<>();
  private final ComponentReader components;

  SkinFindingReader(Terminology terminology, ReadingUnits units, ZoneId zone) {
    kinds.put(FindingKind.PURPURA, terminology.valueSet("purpura-findings"));
    kinds.put(FindingKind.NON_BLANCHING, terminology.valueSet("non-blanching-findings"));
    kinds.put(FindingKind.BLANCHING, terminology.valueSet("blanching-lesions"));
    kinds.put(FindingKind.UNCHARACTERISED, terminology.valueSet("red-skin-lesions"));
    this.components = new ComponentReader(terminology, units, zone);
  }

  /** The finding, when the Observation is one and says when it was observed. */
  Optional<SkinFinding> read(Observation observation, String key, Optional<When> observedAt, UnreadResources unread,
      ReadingReport report) {
    Optional<FindingKind> kind = kind(observation);
    if (kind.isEmpty()) {
      String detail = "code '" + Concepts.name(observation.getCode())
          + "' is neither a skin finding, a body temperature nor a platelet count Pinpoint knows";
      if (KEY.equals(key) && !Concepts.hasWords(observation.getCode())) {
        unread.resource(observation, DataGap.Kind.SKIN_FINDING, Why.UNKNOWN_CODE, "skin finding " + detail
            + ", and it has no text", observedAt);
      } else {
        report.ignored(observation, Ignored.UNKNOWN_CODE, () -> detail);
      }
      return Optional.empty();
    }
    if (observedAt.isEmpty()) {
      unread.resource(observation, DataGap.Kind.SKIN_FINDING, Why.UNREADABLE_DATE, "skin finding '"
          + Concepts.name(observation.getCode()) + "' without " + ObservationPlan.DATES.names("or"), observedAt);
      return Optional.empty();
    }
    SkinFinding finding = new SkinFinding(
        UnreadResources.reference(observation),
        Concepts.name(observation.getCode()),
        kind.get(),
        observedAt.get(),
        components.read(observation, observedAt, unread, report));
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
