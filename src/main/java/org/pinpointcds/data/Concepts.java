package org.pinpointcds.data;

import java.util.stream.Stream;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.pinpointcds.terminology.ValueSetIndex;

/** Matching a CodeableConcept against a value set: by coding, or by keyword in its text as a last resort. */
final class Concepts {

  private Concepts() {}

  static boolean hasCodingIn(CodeableConcept concept, ValueSetIndex valueSet) {
    return concept != null && concept.getCoding().stream().anyMatch(c -> valueSet.contains(c.getSystem(), c.getCode()));
  }

  /** The concept's text or a coding's display names a keyword of the value set. */
  static boolean hasTextIn(CodeableConcept concept, ValueSetIndex valueSet) {
    return concept != null && texts(concept).anyMatch(valueSet::matchesText);
  }

  static boolean matches(CodeableConcept concept, ValueSetIndex valueSet) {
    return hasCodingIn(concept, valueSet) || hasTextIn(concept, valueSet);
  }

  /** How the record names the concept: its text, else the first display, else the first code. */
  static String name(CodeableConcept concept) {
    if (concept == null) {
      return "unnamed";
    }
    if (concept.hasText()) {
      return concept.getText();
    }
    return concept.getCoding().stream()
        .map(c -> c.hasDisplay() ? c.getDisplay() : c.getCode())
        .filter(s -> s != null && !s.isBlank())
        .findFirst()
        .orElse("unnamed");
  }

  static Stream<String> texts(CodeableConcept concept) {
    return Stream.concat(Stream.of(concept.getText()), concept.getCoding().stream().map(Coding::getDisplay))
        .filter(s -> s != null && !s.isBlank());
  }
}
