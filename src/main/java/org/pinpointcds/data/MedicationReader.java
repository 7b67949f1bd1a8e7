package org.pinpointcds.data;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Type;
import org.pinpointcds.triage.DrugClass;
import org.pinpointcds.triage.MedicationUse;

/**
 * Reads MedicationStatements (active; completed or stopped, with the date they ended) and MedicationRequests
 * (active, on-hold) into classified medicine uses (contract section 3.2).
 */
final class MedicationReader {

  private final MedicationClassifier classifier;

  MedicationReader(MedicationClassifier classifier) {
    this.classifier = classifier;
  }

  List<MedicationUse> read(MedicationStatement statement, ResourcePool pool, ReadingReport report) {
    Optional<Instant> endedAt;
    switch (statement.getStatus() == null ? MedicationStatement.MedicationStatementStatus.NULL : statement.getStatus()) {
      case ACTIVE -> endedAt = Optional.empty();
      case COMPLETED, STOPPED -> {
        endedAt = FhirDates.first(
            statement.hasEffectivePeriod() ? FhirDates.instant(statement.getEffectivePeriod().getEndElement()) : Optional.empty(),
            statement.hasEffectiveDateTimeType() ? FhirDates.instant(statement.getEffectiveDateTimeType()) : Optional.empty(),
            statement.hasEffectivePeriod() ? FhirDates.instant(statement.getEffectivePeriod().getStartElement()) : Optional.empty(),
            FhirDates.instant(statement.getDateAssertedElement()));
        if (endedAt.isEmpty()) {
          report.ignored(statement, Ignored.NO_DATE, () -> "a " + statement.getStatus().toCode()
              + " statement needs effective[x] or dateAsserted to hold against the look-back");
          return List.of();
        }
      }
      default -> {
        report.ignored(statement, Ignored.WRONG_STATUS, () -> "status " + statusOf(statement.getStatusElement())
            + "; counted: active, or completed or stopped within the drug class's look-back");
        return List.of();
      }
    }
    return uses(statement, statement.getMedication(), statement.getDosage(), pool, endedAt, report);
  }

  List<MedicationUse> read(MedicationRequest request, ResourcePool pool, ReadingReport report) {
    if (request.getStatus() == MedicationRequest.MedicationRequestStatus.ACTIVE
        || request.getStatus() == MedicationRequest.MedicationRequestStatus.ONHOLD) {
      return uses(request, request.getMedication(), request.getDosageInstruction(), pool, Optional.empty(), report);
    }
    report.ignored(request, Ignored.WRONG_STATUS, () -> "status " + statusOf(request.getStatusElement()) + "; counted: active, on-hold");
    return List.of();
  }

  private static String statusOf(org.hl7.fhir.r4.model.Enumeration<?> status) {
    return status.hasValue() ? status.getValueAsString() : "(none)";
  }

  // Loops, not streams: every medicine of every call is read here.
  private List<MedicationUse> uses(DomainResource owner, Type medication, List<Dosage> dosages, ResourcePool pool,
      Optional<Instant> endedAt, ReadingReport report) {
    List<CodeableConcept> drug = new ArrayList<>(2);
    List<CodeableConcept> formAndRoute = new ArrayList<>(2);
    for (Dosage dosage : dosages) {
      if (dosage.hasRoute()) {
        formAndRoute.add(dosage.getRoute());
      }
    }
    if (medication instanceof CodeableConcept concept) {
      drug.add(concept);
    } else if (medication instanceof Reference reference) {
      pool.medication(reference, owner).ifPresentOrElse(m -> describe(m, drug, formAndRoute),
          () -> report.note(owner, () -> "medicationReference " + reference.getReference()
              + " is neither contained nor in the data given"));
      if (reference.hasDisplay()) {
        drug.add(new CodeableConcept().setText(reference.getDisplay()));
      }
    }
    String name = drug.isEmpty() ? "unnamed medicine" : Concepts.name(drug.get(0));
    Set<DrugClass> classes = classifier.classify(drug, formAndRoute);
    if (classes.isEmpty()) {
      report.ignored(owner, Ignored.UNCLASSIFIED_MEDICATION, () -> "'" + name + "' (" + codes(drug)
          + ") is in none of Pinpoint's drug classes: antithrombotics and corticosteroids");
      return List.of();
    }
    String reference = owner.fhirType() + "/" + owner.getIdElement().getIdPart();
    List<MedicationUse> uses = new ArrayList<>(classes.size());
    for (DrugClass drugClass : classes) {
      MedicationUse use = new MedicationUse(reference, name, drugClass, endedAt);
      uses.add(use);
      report.read(owner, use);
    }
    return uses;
  }

  private static String codes(List<CodeableConcept> drug) {
    List<String> codes = drug.stream().flatMap(c -> c.getCoding().stream())
        .map(c -> c.getSystem() + "|" + c.getCode()).toList();
    return codes.isEmpty() ? "no coding" : String.join(", ", codes);
  }

  private static void describe(Medication medication, List<CodeableConcept> drug, List<CodeableConcept> formAndRoute) {
    if (medication.hasCode()) {
      drug.add(medication.getCode());
    }
    for (Medication.MedicationIngredientComponent ingredient : medication.getIngredient()) {
      if (ingredient.hasItemCodeableConcept()) {
        drug.add(ingredient.getItemCodeableConcept());
      }
    }
    if (!medication.getForm().isEmpty()) {
      formAndRoute.add(medication.getForm());
    }
  }
}
