package org.pinpointcds.data;

import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.pinpointcds.data.UnreadResources.Why;
import org.pinpointcds.terminology.Terminology;
import org.pinpointcds.terminology.ValueSetIndex;
import org.pinpointcds.triage.ConditionEntry;
import org.pinpointcds.triage.ConditionKind;
import org.pinpointcds.triage.DataGap;
import org.pinpointcds.triage.When;

/**
 * Reads the Conditions whose clinical and verification statuses count, dated by the latest of onset and recorded
 * date, as {@link ConditionPlan} states them (contract section 3.2). A Condition is classified by its codes; its
 * text only when it has no coding of a system Pinpoint knows (contract 5.5: "Hay fever" coded J30.1 is not a fever).
 */
final class ConditionReader {

  private static final Set<String> ALWAYS_KNOWN = Set.of("http://hl7.org/fhir/sid/icd-10-cm", "http://snomed.info/sct");

  private final Map<ConditionKind, ValueSetIndex> kinds = new EnumMap<>(ConditionKind.class);
  /** ICD-10-CM, SNOMED CT and every system the value sets (a site's included) list codes of. */
  private final Set<String> knownSystems = new HashSet<>(ALWAYS_KNOWN);
  private final ZoneId zone;

  ConditionReader(Terminology terminology, ZoneId zone) {
    kinds.put(ConditionKind.PETECHIAE, terminology.valueSet("petechiae-conditions"));
    kinds.put(ConditionKind.FEVER, terminology.valueSet("fever-conditions"));
    kinds.put(ConditionKind.THROMBOCYTOPENIA, terminology.valueSet("thrombocytopenia-conditions"));
    kinds.values().forEach(valueSet -> knownSystems.addAll(valueSet.systems()));
    this.zone = zone;
  }

  List<ConditionEntry> read(Condition condition, UnreadResources unread, ReadingReport report) {
    if (!hasCode(condition.getClinicalStatus(), ConditionPlan.CLINICAL_STATUSES.counted())) {
      report.ignored(condition, Ignored.WRONG_STATUS, () -> "clinicalStatus " + codes(condition.getClinicalStatus())
          + "; counted: " + ConditionPlan.CLINICAL_STATUSES.listed());
      return List.of();
    }
    if (hasCode(condition.getVerificationStatus(), ConditionPlan.EXCLUDED_VERIFICATION)) {
      report.ignored(condition, Ignored.WRONG_STATUS, () -> "verificationStatus " + codes(condition.getVerificationStatus()));
      return List.of();
    }
    Optional<When> dated = ConditionPlan.DATES.latest(condition, zone);
    String name = Concepts.name(condition.getCode());
    CodeableConcept code = condition.getCode();
    boolean byText = !hasKnownCoding(code);
    List<ConditionKind> matched = kinds.entrySet().stream()
        .filter(e -> Concepts.hasCodingIn(code, e.getValue()) || byText && Concepts.hasTextIn(code, e.getValue()))
        .map(Map.Entry::getKey)
        .toList();
    if (matched.isEmpty()) {
      if (byText && !Concepts.hasWords(code)) {
        unread.resource(condition, DataGap.Kind.CONDITION, Why.UNKNOWN_CODE, "diagnosis coded '" + name
            + "' in a system Pinpoint does not know, with no text", dated);
      } else {
        report.ignored(condition, Ignored.UNKNOWN_CODE, () ->
            "'" + name + "' is neither a petechiae, fever nor thrombocytopenia diagnosis Pinpoint knows");
      }
      return List.of();
    }
    // A known thrombocytopenia stands until resolved; a petechiae or fever diagnosis counts inside its look-back.
    if (dated.isEmpty() && matched.stream().anyMatch(kind -> kind != ConditionKind.THROMBOCYTOPENIA)) {
      unread.resource(condition, DataGap.Kind.CONDITION, Why.UNREADABLE_DATE, "diagnosis '" + name
          + "' has neither " + ConditionPlan.DATES.names("nor"), dated);
    }
    String reference = UnreadResources.reference(condition);
    List<ConditionEntry> entries = matched.stream()
        .filter(kind -> dated.isPresent() || kind == ConditionKind.THROMBOCYTOPENIA)
        .map(kind -> new ConditionEntry(reference, kind, name, dated))
        .toList();
    entries.forEach(entry -> report.read(condition, entry));
    return entries;
  }

  private boolean hasKnownCoding(CodeableConcept concept) {
    for (Coding coding : concept.getCoding()) {
      if (coding.hasSystem() && knownSystems.contains(coding.getSystem())) {
        return true;
      }
    }
    return false;
  }

  private static String codes(CodeableConcept concept) {
    return concept.getCoding().isEmpty() ? "(none)"
        : String.join(", ", concept.getCoding().stream().map(c -> String.valueOf(c.getCode())).toList());
  }

  private static boolean hasCode(CodeableConcept concept, Set<String> codes) {
    return concept.getCoding().stream().anyMatch(c -> c.getCode() != null && codes.contains(c.getCode()));
  }
}
