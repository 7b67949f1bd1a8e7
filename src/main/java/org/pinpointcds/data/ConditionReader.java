package org.pinpointcds.data;

import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Condition;
import org.pinpointcds.terminology.Terminology;
import org.pinpointcds.terminology.ValueSetIndex;
import org.pinpointcds.triage.ConditionEntry;
import org.pinpointcds.triage.ConditionKind;

/**
 * Reads Conditions that are active, recurring or relapsed and neither refuted nor entered in error
 * (contract section 3.2), dated by the latest of onset and recorded date.
 */
final class ConditionReader {

  private static final Set<String> CLINICAL_STATUSES = Set.of("active", "recurrence", "relapse");
  private static final Set<String> EXCLUDED_VERIFICATION = Set.of("refuted", "entered-in-error");

  private final Map<ConditionKind, ValueSetIndex> kinds = new EnumMap<>(ConditionKind.class);

  ConditionReader(Terminology terminology) {
    kinds.put(ConditionKind.PETECHIAE, terminology.valueSet("petechiae-conditions"));
    kinds.put(ConditionKind.FEVER, terminology.valueSet("fever-conditions"));
    kinds.put(ConditionKind.THROMBOCYTOPENIA, terminology.valueSet("thrombocytopenia-conditions"));
  }

  Stream<ConditionEntry> read(Condition condition) {
    if (!hasCode(condition.getClinicalStatus(), CLINICAL_STATUSES)
        || hasCode(condition.getVerificationStatus(), EXCLUDED_VERIFICATION)) {
      return Stream.empty();
    }
    Optional<Instant> dated = Stream.of(
            condition.hasOnsetDateTimeType() ? FhirDates.instant(condition.getOnsetDateTimeType()) : Optional.<Instant>empty(),
            condition.hasOnsetPeriod() ? FhirDates.instant(condition.getOnsetPeriod().getStartElement()) : Optional.<Instant>empty(),
            FhirDates.instant(condition.getRecordedDateElement()))
        .flatMap(Optional::stream)
        .max(Comparator.naturalOrder());
    if (dated.isEmpty()) {
      return Stream.empty();
    }
    String reference = "Condition/" + condition.getIdElement().getIdPart();
    String name = Concepts.name(condition.getCode());
    return kinds.entrySet().stream()
        .filter(e -> Concepts.matches(condition.getCode(), e.getValue()))
        .map(e -> new ConditionEntry(reference, e.getKey(), name, dated.get()));
  }

  private static boolean hasCode(CodeableConcept concept, Set<String> codes) {
    return concept.getCoding().stream().anyMatch(c -> codes.contains(c.getCode()));
  }
}
