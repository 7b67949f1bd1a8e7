package org.pinpointcds.data;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.pinpointcds.terminology.ValueSetIndex;

/** Matching a CodeableConcept against a value set: by coding, or by keyword in its text as a last resort. */
final class Concepts {

  private Concepts() {}

  // Loops rather than streams: every medicine of a call is matched against every drug class.
  static boolean hasCodingIn(CodeableConcept concept, ValueSetIndex valueSet) {
    if (concept != null) {
      for (Coding coding : concept.getCoding()) {
        if (valueSet.contains(coding.getSystem(), coding.getCode())) {
          return true;
        }
      }
    }
    return false;
  }

  /** The concept's text or a coding's display names a keyword of the value set. */
  static boolean hasTextIn(CodeableConcept concept, ValueSetIndex valueSet) {
    if (concept == null) {
      return false;
    }
    if (valueSet.matchesText(concept.getText())) {
      return true;
    }
    for (Coding coding : concept.getCoding()) {
      if (valueSet.matchesText(coding.getDisplay())) {
        return true;
      }
    }
    return false;
  }

  static boolean matches(CodeableConcept concept, ValueSetIndex valueSet) {
    return hasCodingIn(concept, valueSet) || hasTextIn(concept, valueSet);
  }

  /** Whether the concept has any text or display to match by keyword. */
  static boolean hasWords(CodeableConcept concept) {
    if (concept == null) {
      return false;
    }
    if (concept.hasText()) {
      return true;
    }
    for (Coding coding : concept.getCoding()) {
      if (coding.hasDisplay()) {
        return true;
      }
    }
    return false;
  }

  /** How the record names the concept: its text, else the first display, else the first code. */
  static String name(CodeableConcept concept) {
    if (concept == null) {
      return "unnamed";
    }
    if (concept.hasText()) {
      return concept.getText();
    }
    for (Coding coding : concept.getCoding()) {
      String name = coding.hasDisplay() ? coding.getDisplay() : coding.getCode();
      if (name != null && !name.isBlank()) {
        return name;
      }
    }
    return "unnamed";
  }
}
