package org.pinpointcds.data;

import org.hl7.fhir.r4.model.Enumeration;
import java.time.ZoneId;
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
import org.pinpointcds.data.UnreadResources.Why;
import org.pinpointcds.triage.DataGap;
import org.pinpointcds.triage.DrugClass;
import org.pinpointcds.triage.MedicationUse;
import org.pinpointcds.triage.When;

/**
 * Reads MedicationStatements (taken now, or ended, with the date they ended) and MedicationRequests (never a request
 * not to give it) whose statuses count ({@link MedicationStatementPlan}, {@link MedicationRequestPlan}) into
 * classified medicine uses (contract sections 3.2, 5.6).
 */
final class MedicationReader {

  private final MedicationClassifier classifier;
  private final ZoneId zone;

  MedicationReader(MedicationClassifier classifier, ZoneId zone) {
    this.classifier = classifier;
    this.zone = zone;
  }

  List<MedicationUse> read(MedicationStatement statement, ResourcePool pool, UnreadResources unread,
      ReadingReport report) {
    if (!MedicationStatementPlan.COUNTED.counts(statement.getStatus())) {
      report.ignored(statement, Ignored.WRONG_STATUS, () -> "status " + statusOf(statement.getStatusElement())
          + "; counted: " + MedicationStatementPlan.TAKEN.listed() + ", or "
          + MedicationStatementPlan.ENDED.listed("or") + " within the drug class's look-back");
      return List.of();
    }
    boolean stopped = MedicationStatementPlan.ENDED.counts(statement.getStatus());
    return uses(statement, statement.getMedication(), statement.getDosage(), pool, stopped,
        stopped ? MedicationStatementPlan.END_DATES.first(statement, zone) : Optional.empty(), unread, report);
  }

  List<MedicationUse> read(MedicationRequest request, ResourcePool pool, UnreadResources unread, ReadingReport report) {
    if (!request.getDoNotPerform() && !MedicationRequestPlan.STATUSES.counts(request.getStatus())) {
      report.ignored(request, Ignored.WRONG_STATUS, () -> "status " + statusOf(request.getStatusElement())
          + "; counted: " + MedicationRequestPlan.STATUSES.listed());
      return List.of();
    }
    return readDraft(request, pool, unread, report);
  }

  /**
   * A draft order of an order-sign or order-select call, or a request whose status counts: read whatever its status,
   * unless it is a request not to give the medicine.
   */
  List<MedicationUse> readDraft(MedicationRequest request, ResourcePool pool, UnreadResources unread,
      ReadingReport report) {
    if (request.getDoNotPerform()) {
      report.ignored(request, Ignored.DO_NOT_PERFORM, () -> "doNotPerform: a request not to give the medicine");
      return List.of();
    }
    return uses(request, request.getMedication(), request.getDosageInstruction(), pool, false, Optional.empty(),
        unread, report);
  }

  private static String statusOf(Enumeration<?> status) {
    return status.hasValue() ? status.getValueAsString() : "(none)";
  }

  // Loops, not streams: every medicine of every call is read here.
  private List<MedicationUse> uses(DomainResource owner, Type medication, List<Dosage> dosages, ResourcePool pool,
      boolean stopped, Optional<When> endedAt, UnreadResources unread, ReadingReport report) {
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
    if (drug.stream().noneMatch(concept -> concept.hasCoding() || concept.hasText())) {
      unread.resource(owner, DataGap.Kind.MEDICATION, Why.UNKNOWN_CODE, "a medicine named by no code and no text",
          endedAt);
      return List.of();
    }
    Set<DrugClass> classes = classifier.classify(drug, formAndRoute);
    if (classes.isEmpty()) {
      report.ignored(owner, Ignored.UNCLASSIFIED_MEDICATION, () -> "'" + name + "' (" + codes(drug)
          + ") is in none of Pinpoint's drug classes: antithrombotics, NSAIDs and corticosteroids");
      return List.of();
    }
    String reference = owner.fhirType() + "/" + owner.getIdElement().getIdPart();
    List<MedicationUse> uses = new ArrayList<>(classes.size());
    for (DrugClass drugClass : classes) {
      MedicationUse use = new MedicationUse(reference, name, drugClass, stopped, endedAt);
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
