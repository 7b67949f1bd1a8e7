package org.pinpointcds.data;

import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationComponentComponent;
import org.pinpointcds.terminology.Terminology;
import org.pinpointcds.terminology.ValueSetIndex;
import org.pinpointcds.triage.Coded;
import org.pinpointcds.triage.Distribution;
import org.pinpointcds.triage.Extent;
import org.pinpointcds.triage.FindingComponents;
import org.pinpointcds.triage.FindingKind;
import org.pinpointcds.triage.LesionFeature;
import org.pinpointcds.triage.MechanicalTrigger;
import org.pinpointcds.triage.MucosalSite;
import org.pinpointcds.triage.SkinFinding;
import org.pinpointcds.triage.Symptom;

/**
 * Reads a skin finding Observation (profile PinpointSkinFinding, contract section 3.1): its kind from the
 * value sets (codes first, {@code code.text} keywords as a last resort) and its components.
 */
final class SkinFindingReader {

  static final String COMPONENT_SYSTEM = Terminology.codeSystemUrl("skin-finding-component");

  /** Checked in this order: the first value set that matches decides the kind. */
  private final Map<FindingKind, ValueSetIndex> kinds = new LinkedHashMap<>();
  private final ReadingUnits units;

  SkinFindingReader(Terminology terminology, ReadingUnits units) {
    kinds.put(FindingKind.PURPURA, terminology.valueSet("purpura-findings"));
    kinds.put(FindingKind.NON_BLANCHING, terminology.valueSet("non-blanching-findings"));
    kinds.put(FindingKind.BLANCHING, terminology.valueSet("blanching-lesions"));
    kinds.put(FindingKind.UNCHARACTERISED, terminology.valueSet("red-skin-lesions"));
    this.units = units;
  }

  /** The finding, when the Observation is one and says when it was observed. */
  Optional<SkinFinding> read(Observation observation) {
    Optional<Instant> observedAt = FhirDates.first(
        observation.hasEffectiveDateTimeType() ? FhirDates.instant(observation.getEffectiveDateTimeType()) : Optional.empty(),
        observation.hasEffectivePeriod() ? FhirDates.instant(observation.getEffectivePeriod().getStartElement()) : Optional.empty(),
        observation.hasEffectiveInstantType() ? FhirDates.instant(observation.getEffectiveInstantType()) : Optional.empty(),
        FhirDates.instant(observation.getIssuedElement()));
    return kind(observation).flatMap(kind -> observedAt.map(at -> new SkinFinding(
        "Observation/" + observation.getIdElement().getIdPart(),
        Concepts.name(observation.getCode()),
        kind,
        at,
        components(observation))));
  }

  private Optional<FindingKind> kind(Observation observation) {
    CodeableConcept code = observation.getCode();
    return firstKind(vs -> Concepts.hasCodingIn(code, vs))
        .or(() -> firstKind(vs -> Concepts.hasTextIn(code, vs)))
        // Components from our code system make it a skin finding even under a code we do not know.
        .or(() -> observation.getComponent().stream().anyMatch(c -> componentCode(c).isPresent())
            ? Optional.of(FindingKind.UNCHARACTERISED) : Optional.empty());
  }

  private Optional<FindingKind> firstKind(Predicate<ValueSetIndex> test) {
    return kinds.entrySet().stream().filter(e -> test.test(e.getValue())).map(Map.Entry::getKey).findFirst();
  }

  private FindingComponents components(Observation observation) {
    Boolean blanches = null;
    Instant onset = null;
    boolean spreading = false;
    Double maxDiameter = null;
    Set<Extent> extents = EnumSet.noneOf(Extent.class);
    Set<Distribution> distributions = EnumSet.noneOf(Distribution.class);
    Set<MechanicalTrigger> triggers = EnumSet.noneOf(MechanicalTrigger.class);
    Set<MucosalSite> mucosal = EnumSet.noneOf(MucosalSite.class);
    Set<Symptom> symptoms = EnumSet.noneOf(Symptom.class);
    Set<LesionFeature> features = EnumSet.noneOf(LesionFeature.class);
    for (ObservationComponentComponent component : observation.getComponent()) {
      switch (componentCode(component).orElse("")) {
        case "blanches" -> {
          Optional<Boolean> value = booleanValue(component);
          // Of two glass tests, one that did not blanch wins: the safer reading.
          if (value.isPresent()) {
            blanches = blanches == null ? value.get() : blanches && value.get();
          }
        }
        case "onset" -> {
          if (component.hasValueDateTimeType()) {
            onset = FhirDates.instant(component.getValueDateTimeType()).orElse(onset);
          }
        }
        case "spreading" -> spreading |= booleanValue(component).orElse(false);
        case "max-diameter" -> {
          Optional<Double> mm = component.hasValueQuantity()
              ? units.millimetres(component.getValueQuantity()) : Optional.empty();
          if (mm.isPresent()) {
            maxDiameter = maxDiameter == null ? mm.get() : Math.max(maxDiameter, mm.get());
          }
        }
        case "extent" -> extents.addAll(values(component, Extent.class));
        case "distribution" -> distributions.addAll(values(component, Distribution.class));
        case "mechanical-trigger" -> triggers.addAll(values(component, MechanicalTrigger.class));
        case "mucosal-involvement" -> mucosal.addAll(values(component, MucosalSite.class));
        case "associated-symptom" -> symptoms.addAll(values(component, Symptom.class));
        case "lesion-feature" -> features.addAll(values(component, LesionFeature.class));
        default -> { } // a component this version does not read
      }
    }
    return new FindingComponents(Optional.ofNullable(blanches), Optional.ofNullable(onset), spreading, extents,
        distributions, Optional.ofNullable(maxDiameter), triggers, mucosal, symptoms, features);
  }

  private static Optional<String> componentCode(ObservationComponentComponent component) {
    return ourCodes(component.getCode()).findFirst();
  }

  private static Optional<Boolean> booleanValue(ObservationComponentComponent component) {
    return component.hasValueBooleanType() ? Optional.of(component.getValueBooleanType().booleanValue()) : Optional.empty();
  }

  private static <E extends Enum<E> & Coded> Set<E> values(ObservationComponentComponent component, Class<E> type) {
    if (!component.hasValueCodeableConcept()) {
      return Set.of();
    }
    return ourCodes(component.getValueCodeableConcept())
        .flatMap(code -> Coded.fromCode(type, code).stream())
        .collect(java.util.stream.Collectors.toSet());
  }

  /** Codes from the component code system (a coding without a system is read as ours). */
  private static Stream<String> ourCodes(CodeableConcept concept) {
    return concept.getCoding().stream()
        .filter(c -> !c.hasSystem() || COMPONENT_SYSTEM.equals(c.getSystem()))
        .map(Coding::getCode)
        .filter(code -> code != null);
  }
}
