package org.pinpointcds.data;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationStatus;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.pinpointcds.terminology.Terminology;
import org.pinpointcds.terminology.ValueSetIndex;
import org.pinpointcds.triage.CbcOrder;
import org.pinpointcds.triage.ConditionEntry;
import org.pinpointcds.triage.MedicationUse;
import org.pinpointcds.triage.PatientSnapshot;
import org.pinpointcds.triage.PlateletCount;
import org.pinpointcds.triage.SkinFinding;
import org.pinpointcds.triage.Temperature;

/**
 * Builds the patient snapshot from every resource of the call. Each resource is classified by its type and
 * code, whichever prefetch key brought it; the status rules of contract section 3 are applied here.
 */
public final class SnapshotBuilder {

  /** Observations that count as findings and temperatures; entered-in-error, cancelled and registered never do. */
  private static final Set<ObservationStatus> FINDING_STATUSES =
      Set.of(ObservationStatus.FINAL, ObservationStatus.AMENDED, ObservationStatus.CORRECTED, ObservationStatus.PRELIMINARY);
  /** Laboratory results count only once verified. */
  private static final Set<ObservationStatus> RESULT_STATUSES =
      Set.of(ObservationStatus.FINAL, ObservationStatus.AMENDED, ObservationStatus.CORRECTED);
  private static final Set<ServiceRequest.ServiceRequestStatus> ORDER_STATUSES =
      Set.of(ServiceRequest.ServiceRequestStatus.ACTIVE, ServiceRequest.ServiceRequestStatus.COMPLETED);

  private final ValueSetIndex temperatureCodes;
  private final ValueSetIndex plateletCodes;
  private final ValueSetIndex cbcCodes;
  private final ReadingUnits units;
  private final SkinFindingReader skinFindings;
  private final ConditionReader conditions;
  private final MedicationReader medications;

  public SnapshotBuilder(Terminology terminology, ReadingUnits units) {
    this.temperatureCodes = terminology.valueSet("body-temperature");
    this.plateletCodes = terminology.valueSet("platelet-count");
    this.cbcCodes = terminology.valueSet("cbc-orders");
    this.units = units;
    this.skinFindings = new SkinFindingReader(terminology, units);
    this.conditions = new ConditionReader(terminology);
    this.medications = new MedicationReader(new MedicationClassifier(terminology));
  }

  PatientSnapshot build(String patientId, ResourcePool pool) {
    Optional<LocalDate> birthDate = Optional.empty();
    List<SkinFinding> findings = new ArrayList<>();
    List<Temperature> temperatures = new ArrayList<>();
    List<PlateletCount> platelets = new ArrayList<>();
    List<ConditionEntry> conditionEntries = new ArrayList<>();
    List<MedicationUse> medicines = new ArrayList<>();
    List<CbcOrder> cbcOrders = new ArrayList<>();
    for (Resource resource : pool.all()) {
      if (resource instanceof Patient patient && isThePatient(patient, patientId, birthDate)) {
        birthDate = FhirDates.localDate(patient.getBirthDateElement());
      } else if (resource instanceof Observation observation) {
        readObservation(observation, findings, temperatures, platelets);
      } else if (resource instanceof Condition condition) {
        conditions.read(condition).forEach(conditionEntries::add);
      } else if (resource instanceof MedicationStatement statement) {
        medicines.addAll(medications.read(statement, pool));
      } else if (resource instanceof MedicationRequest request) {
        medicines.addAll(medications.read(request, pool));
      } else if (resource instanceof ServiceRequest order) {
        cbcOrder(order).ifPresent(cbcOrders::add);
      }
    }
    return new PatientSnapshot(patientId, birthDate, findings, temperatures, platelets, conditionEntries, medicines,
        cbcOrders);
  }

  /** The context's patient; another Patient is used only while none with the context's id has been seen. */
  private static boolean isThePatient(Patient patient, String patientId, Optional<LocalDate> soFar) {
    return patientId.equals(patient.getIdElement().getIdPart()) || soFar.isEmpty();
  }

  private void readObservation(
      Observation observation, List<SkinFinding> findings, List<Temperature> temperatures, List<PlateletCount> platelets) {
    ObservationStatus status = observation.getStatus();
    String reference = "Observation/" + observation.getIdElement().getIdPart();
    Optional<Instant> when = FhirDates.first(
        observation.hasEffectiveDateTimeType() ? FhirDates.instant(observation.getEffectiveDateTimeType()) : Optional.empty(),
        observation.hasEffectivePeriod() ? FhirDates.instant(observation.getEffectivePeriod().getStartElement()) : Optional.empty(),
        observation.hasEffectiveInstantType() ? FhirDates.instant(observation.getEffectiveInstantType()) : Optional.empty(),
        FhirDates.instant(observation.getIssuedElement()));
    if (Concepts.hasCodingIn(observation.getCode(), plateletCodes)) {
      if (RESULT_STATUSES.contains(status) && observation.hasValueQuantity() && when.isPresent()) {
        units.plateletsPerNanolitre(observation.getValueQuantity()).ifPresent(count -> platelets.add(
            new PlateletCount(reference, when.get(), count, asRecorded(observation))));
      }
    } else if (Concepts.hasCodingIn(observation.getCode(), temperatureCodes)) {
      if (FINDING_STATUSES.contains(status) && observation.hasValueQuantity() && when.isPresent()) {
        units.celsius(observation.getValueQuantity()).ifPresent(celsius -> temperatures.add(
            new Temperature(reference, when.get(), celsius)));
      }
    } else if (FINDING_STATUSES.contains(status)) {
      skinFindings.read(observation).ifPresent(findings::add);
    }
  }

  private static String asRecorded(Observation observation) {
    var quantity = observation.getValueQuantity();
    String unit = quantity.hasUnit() ? quantity.getUnit() : quantity.getCode();
    return (quantity.getValue().stripTrailingZeros().toPlainString() + " " + (unit == null ? "" : unit)).trim();
  }

  private Optional<CbcOrder> cbcOrder(ServiceRequest order) {
    if (!ORDER_STATUSES.contains(order.getStatus()) || !Concepts.hasCodingIn(order.getCode(), cbcCodes)) {
      return Optional.empty();
    }
    return FhirDates.instant(order.getAuthoredOnElement()).map(authored -> new CbcOrder(
        "ServiceRequest/" + order.getIdElement().getIdPart(), Concepts.name(order.getCode()), authored));
  }
}
