package org.pinpointcds.data;

import java.util.function.Consumer;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationComponentComponent;
import org.pinpointcds.data.UnreadResources.Why;
import org.pinpointcds.terminology.Terminology;
import org.pinpointcds.terminology.ValueSetIndex;
import org.pinpointcds.triage.Coded;
import org.pinpointcds.triage.DataGap;
import org.pinpointcds.triage.Distribution;
import org.pinpointcds.triage.Extent;
import org.pinpointcds.triage.FindingComponents;
import org.pinpointcds.triage.LesionFeature;
import org.pinpointcds.triage.MechanicalTrigger;
import org.pinpointcds.triage.MucosalSite;
import org.pinpointcds.triage.Symptom;
import org.pinpointcds.triage.When;

/**
 * Reads the components of a skin finding (contract section 3.1), coded from the skin-finding-component
 * system or from a site's codes mapped onto it. A coded component sent as text is matched by keyword (contract 5.4);
 * one of ours that still cannot be read is a gap, one Pinpoint does not read is noted in the report.
 */
final class ComponentReader {

  static final String COMPONENT_SYSTEM = Terminology.codeSystemUrl("skin-finding-component");
  private static final List<Class<? extends Coded>> CODED_VALUES = List.of(Extent.class, Distribution.class,
      MechanicalTrigger.class, MucosalSite.class, Symptom.class, LesionFeature.class);

  private final Terminology terminology;
  private final ReadingUnits units;
  private final ZoneId zone;
  /** Each coded value's words (its code and display), for a value sent as text. */
  private final Map<String, ValueSetIndex> valueWords = new HashMap<>();

  ComponentReader(Terminology terminology, ReadingUnits units, ZoneId zone) {
    this.terminology = terminology;
    this.units = units;
    this.zone = zone;
    for (Class<? extends Coded> type : CODED_VALUES) {
      for (Coded value : type.getEnumConstants()) {
        Set<String> words = new HashSet<>();
        words.add(value.code().replace('-', ' '));
        terminology.display(COMPONENT_SYSTEM, value.code()).ifPresent(words::add);
        valueWords.put(value.code(), terminology.keywords(value.code(), words));
      }
    }
  }

  FindingComponents read(Observation observation, Optional<When> observedAt, UnreadResources unread,
      ReadingReport report) {
    Components found = new Components();
    for (ObservationComponentComponent component : observation.getComponent()) {
      Optional<String> code = code(component);
      if (code.isEmpty()) {
        report.note(observation, () -> "a component coded '" + Concepts.name(component.getCode())
            + "' is not one Pinpoint reads");
        continue;
      }
      found.add(code.get(), component).ifPresent(problem ->
          unread.part(observation, DataGap.Kind.SKIN_FINDING, Why.UNREADABLE_COMPONENT, problem, observedAt));
    }
    return found.build();
  }

  /** The component's code in our system, when it has one. */
  Optional<String> code(ObservationComponentComponent component) {
    return ourCodes(component.getCode()).findFirst();
  }

  /** Codes from the component code system (a coding without a system is read as ours), or mapped onto it. */
  private Stream<String> ourCodes(CodeableConcept concept) {
    return concept.getCoding().stream()
        .flatMap(c -> !c.hasSystem() || COMPONENT_SYSTEM.equals(c.getSystem())
            ? Stream.ofNullable(c.getCode())
            : terminology.translate(c.getSystem(), c.getCode(), COMPONENT_SYSTEM).stream());
  }

  /** The values gathered from one finding's components. */
  private final class Components {
    private Boolean blanches;
    private Instant onset;
    private boolean spreading;
    private Double maxDiameter;
    private final Set<Extent> extents = EnumSet.noneOf(Extent.class);
    private final Set<Distribution> distributions = EnumSet.noneOf(Distribution.class);
    private final Set<MechanicalTrigger> triggers = EnumSet.noneOf(MechanicalTrigger.class);
    private final Set<MucosalSite> mucosal = EnumSet.noneOf(MucosalSite.class);
    private final Set<Symptom> symptoms = EnumSet.noneOf(Symptom.class);
    private final Set<LesionFeature> features = EnumSet.noneOf(LesionFeature.class);

    /** Adds a component; the problem, if it could not. */
    Optional<String> add(String code, ObservationComponentComponent component) {
      return switch (code) {
        case "blanches" -> booleanValue(code, component, value ->
            // Of two glass tests, one that did not blanch wins: the safer reading.
            blanches = blanches == null ? value : blanches && value);
        case "spreading" -> booleanValue(code, component, value -> spreading |= value);
        case "onset" -> {
          Optional<Instant> at = component.hasValueDateTimeType()
              ? FhirDates.when(component.getValueDateTimeType(), zone).map(When::first) : Optional.empty();
          at.ifPresent(value -> onset = value);
          yield at.isPresent() ? Optional.empty() : Optional.of("component onset has no valueDateTime");
        }
        case "max-diameter" -> maxDiameter(component);
        case "extent" -> values(code, component, Extent.class, extents);
        case "distribution" -> values(code, component, Distribution.class, distributions);
        case "mechanical-trigger" -> values(code, component, MechanicalTrigger.class, triggers);
        case "mucosal-involvement" -> values(code, component, MucosalSite.class, mucosal);
        case "associated-symptom" -> values(code, component, Symptom.class, symptoms);
        case "lesion-feature" -> values(code, component, LesionFeature.class, features);
        default -> Optional.of("component " + code + " is not one this version reads");
      };
    }

    private Optional<String> maxDiameter(ObservationComponentComponent component) {
      if (!component.hasValueQuantity()) {
        return Optional.of("component max-diameter has no valueQuantity");
      }
      Optional<Double> mm = units.millimetres(component.getValueQuantity());
      if (mm.isPresent() && !Double.isFinite(mm.get())) {
        return Optional.of("component max-diameter: " + component.getValueQuantity().getValue() + " "
            + ReadingUnits.unitOf(component.getValueQuantity()) + " is beyond any size in mm");
      }
      mm.ifPresent(value -> maxDiameter = maxDiameter == null ? value : Math.max(maxDiameter, value));
      return mm.isPresent() ? Optional.empty() : Optional.of("component max-diameter: unit '"
          + ReadingUnits.unitOf(component.getValueQuantity()) + "' is not one Pinpoint converts to mm "
          + units.millimetreFactors().keySet());
    }

    FindingComponents build() {
      return new FindingComponents(Optional.ofNullable(blanches), Optional.ofNullable(onset), spreading, extents,
          distributions, Optional.ofNullable(maxDiameter), triggers, mucosal, symptoms, features);
    }
  }

  private static Optional<String> booleanValue(
      String code, ObservationComponentComponent component, Consumer<Boolean> use) {
    if (!component.hasValueBooleanType() || component.getValueBooleanType().getValue() == null) {
      return Optional.of("component " + code + " has no valueBoolean");
    }
    use.accept(component.getValueBooleanType().booleanValue());
    return Optional.empty();
  }

  private <E extends Enum<E> & Coded> Optional<String> values(
      String code, ObservationComponentComponent component, Class<E> type, Set<E> into) {
    if (component.hasValueStringType()) {
      String text = component.getValueStringType().getValue();
      Set<E> named = EnumSet.noneOf(type);
      for (E value : type.getEnumConstants()) {
        if (valueWords.get(value.code()).matchesText(text)) {
          named.add(value);
        }
      }
      into.addAll(named);
      return named.isEmpty()
          ? Optional.of("component " + code + ": text '" + text + "' names none of its values") : Optional.empty();
    }
    if (!component.hasValueCodeableConcept()) {
      return Optional.of("component " + code + " has no valueCodeableConcept");
    }
    Set<E> values = ourCodes(component.getValueCodeableConcept())
        .flatMap(value -> Coded.fromCode(type, value).stream())
        .collect(Collectors.toSet());
    into.addAll(values);
    return values.isEmpty()
        ? Optional.of("component " + code + ": value '" + Concepts.name(component.getValueCodeableConcept())
            + "' is not a code Pinpoint knows for it")
        : Optional.empty();
  }

}
