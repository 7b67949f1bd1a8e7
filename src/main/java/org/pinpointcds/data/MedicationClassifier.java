package org.pinpointcds.data;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.pinpointcds.terminology.Terminology;
import org.pinpointcds.terminology.ValueSetIndex;
import org.pinpointcds.triage.DrugClass;

/**
 * Puts a medicine into the drug classes of {@code fhir-profiles/}: by RxNorm ingredient or ATC code, or by an
 * ingredient or brand name in a drug's display or free text. A corticosteroid is topical when its dose form,
 * route or name says so (cream, ointment, ...), systemic otherwise.
 */
final class MedicationClassifier {

  /** A hospital's medicines are a formulary of a few thousand: keep that many answers, for short names only. */
  private static final int ANSWERS_KEPT = 4_096;
  private static final int NAME_KEPT_LENGTH = 400;

  private final Map<DrugClass, ValueSetIndex> classes = new EnumMap<>(DrugClass.class);
  private final ValueSetIndex topicalForms;
  /** Classes by everything that decides them (codings, displays, texts): every call names the same few medicines. */
  private final Map<String, Set<DrugClass>> answers = new ConcurrentHashMap<>();

  MedicationClassifier(Terminology terminology) {
    for (DrugClass drugClass : DrugClass.values()) {
      classes.put(drugClass, terminology.valueSet(drugClass.code()));
    }
    topicalForms = terminology.valueSet("topical-forms-and-routes");
  }

  /**
   * @param drug the medication's code, with its ingredients' codes
   * @param formAndRoute dose form and route concepts, which decide topical against systemic
   */
  Set<DrugClass> classify(List<CodeableConcept> drug, List<CodeableConcept> formAndRoute) {
    String name = name(drug, formAndRoute);
    Set<DrugClass> known = answers.get(name);
    if (known != null) {
      return known;
    }
    Set<DrugClass> found = Collections.unmodifiableSet(match(drug, formAndRoute));
    if (name.length() <= NAME_KEPT_LENGTH && answers.size() < ANSWERS_KEPT) {
      answers.put(name, found);
    }
    return found;
  }

  private Set<DrugClass> match(List<CodeableConcept> drug, List<CodeableConcept> formAndRoute) {
    Set<DrugClass> found = EnumSet.noneOf(DrugClass.class);
    // Loops, not streams: every medicine of every call is matched against every class.
    for (Map.Entry<DrugClass, ValueSetIndex> drugClass : classes.entrySet()) {
      if (anyMatches(drug, drugClass.getValue())) {
        found.add(drugClass.getKey());
      }
    }
    if (found.contains(DrugClass.SYSTEMIC_CORTICOSTEROIDS) || found.contains(DrugClass.TOPICAL_CORTICOSTEROIDS)) {
      boolean topical = found.contains(DrugClass.TOPICAL_CORTICOSTEROIDS) && !found.contains(DrugClass.SYSTEMIC_CORTICOSTEROIDS)
          || isTopical(drug) || isTopical(formAndRoute);
      found.remove(topical ? DrugClass.SYSTEMIC_CORTICOSTEROIDS : DrugClass.TOPICAL_CORTICOSTEROIDS);
      found.add(topical ? DrugClass.TOPICAL_CORTICOSTEROIDS : DrugClass.SYSTEMIC_CORTICOSTEROIDS);
    }
    return found;
  }

  /** What matching reads of the concepts: each one's text, and each coding's system, code and display. */
  private static String name(List<CodeableConcept> drug, List<CodeableConcept> formAndRoute) {
    StringBuilder name = new StringBuilder(256); // room for a medicine's usual codings without growing
    for (List<CodeableConcept> concepts : List.of(drug, formAndRoute)) {
      for (CodeableConcept concept : concepts) {
        name.append(concept.getText()).append('\u0001');
        for (Coding coding : concept.getCoding()) {
          name.append(coding.getSystem()).append('|').append(coding.getCode()).append('|').append(coding.getDisplay())
              .append('\u0002');
        }
        name.append('\u0003');
      }
      name.append('\u0004');
    }
    return name.toString();
  }

  private boolean isTopical(List<CodeableConcept> concepts) {
    return anyMatches(concepts, topicalForms);
  }

  private static boolean anyMatches(List<CodeableConcept> concepts, ValueSetIndex valueSet) {
    for (CodeableConcept concept : concepts) {
      if (Concepts.matches(concept, valueSet)) {
        return true;
      }
    }
    return false;
  }
}
