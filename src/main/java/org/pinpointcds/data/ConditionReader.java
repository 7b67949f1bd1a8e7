package org.pinpointcds.data;

import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
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

  List<ConditionEntry> read(Condition condition, ReadingReport report) {
    if (!hasCode(condition.getClinicalStatus(), CLINICAL_STATUSES)) {
      report.ignored(condition, Ignored.WRONG_STATUS, () -> "clinicalStatus " + codes(condition.getClinicalStatus())
          + "; counted: active, recurrence, relapse");
      return List.of();
    }
    if (hasCode(condition.getVerificationStatus(), EXCLUDED_VERIFICATION)) {
      report.ignored(condition, Ignored.WRONG_STATUS, () -> "verificationStatus " + codes(condition.getVerificationStatus()));
      return List.of();
    }
    Optional<Instant> dated = Stream.of(
            condition.hasOnsetDateTimeType() ? FhirDates.instant(condition.getOnsetDateTimeType()) : Optional.<Instant>empty(),
            condition.hasOnsetPeriod() ? FhirDates.instant(condition.getOnsetPeriod().getStartElement()) : Optional.<Instant>empty(),
            FhirDates.instant(condition.getRecordedDateElement()))
        .flatMap(Optional::stream)
        .max(Comparator.naturalOrder());
    String name = Concepts.name(condition.getCode());
    if (dated.isEmpty()) {
      report.ignored(condition, Ignored.NO_DATE, () -> "'" + name + "' has neither onsetDateTime, onsetPeriod.start nor recordedDate");
      return List.of();
    }
    String reference = "Condition/" + condition.getIdElement().getIdPart();
    List<ConditionEntry> entries = kinds.entrySet().stream()
        .filter(e -> Concepts.matches(condition.getCode(), e.getValue()))
        .map(e -> new ConditionEntry(reference, e.getKey(), name, dated.get()))
        .toList();
    if (entries.isEmpty()) {
      report.ignored(condition, Ignored.UNKNOWN_CODE, () ->
          "'" + name + "' is neither a petechiae, fever nor thrombocytopenia diagnosis Pinpoint knows");
    }
    entries.forEach(entry -> report.read(condition, entry));
    return entries;
  }

  private static String codes(CodeableConcept concept) {
    return concept.getCoding().isEmpty() ? "(none)"
        : String.join(", ", concept.getCoding().stream().map(c -> String.valueOf(c.getCode())).toList());
  }

  private static boolean hasCode(CodeableConcept concept, Set<String> codes) {
    return concept.getCoding().stream().anyMatch(c -> c.getCode() != null && codes.contains(c.getCode()));
  }
}
