package org.pinpointcds.data;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationStatus;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
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
 * code, whichever prefetch key brought it; the status rules of contract section 3 are applied here, and
 * every decision is told to the {@link ReadingReport}.
 */
final class SnapshotBuilder {

  // EnumSets, not Set.of: a resource without a status asks contains(null), which Set.of answers with an exception.
  /** Observations that count as findings and temperatures; entered-in-error, cancelled and registered never do. */
  private static final Set<ObservationStatus> FINDING_STATUSES = EnumSet.of(
      ObservationStatus.FINAL, ObservationStatus.AMENDED, ObservationStatus.CORRECTED, ObservationStatus.PRELIMINARY);
  /** Laboratory results count only once verified. */
  private static final Set<ObservationStatus> RESULT_STATUSES =
      EnumSet.of(ObservationStatus.FINAL, ObservationStatus.AMENDED, ObservationStatus.CORRECTED);
  private static final Set<ServiceRequest.ServiceRequestStatus> ORDER_STATUSES =
      EnumSet.of(ServiceRequest.ServiceRequestStatus.ACTIVE, ServiceRequest.ServiceRequestStatus.COMPLETED);

  private final ValueSetIndex temperatureCodes;
  private final ValueSetIndex plateletCodes;
  private final ValueSetIndex cbcCodes;
  private final ReadingUnits units;
  /** For the report on a temperature in a unit not converted. */
  private final Set<String> temperatureUnits;
  private final SkinFindingReader skinFindings;
  private final ConditionReader conditions;
  private final MedicationReader medications;

  SnapshotBuilder(Terminology terminology, ReadingUnits units) {
    this.temperatureCodes = terminology.valueSet("body-temperature");
    this.plateletCodes = terminology.valueSet("platelet-count");
    this.cbcCodes = terminology.valueSet("cbc-orders");
    this.units = units;
    this.temperatureUnits = temperatureUnits(units);
    this.skinFindings = new SkinFindingReader(terminology, units);
    this.conditions = new ConditionReader(terminology);
    this.medications = new MedicationReader(new MedicationClassifier(terminology));
  }

  PatientSnapshot build(String patientId, ResourcePool pool) {
    return build(patientId, pool, ReadingReport.NONE);
  }

  PatientSnapshot build(String patientId, ResourcePool pool, ReadingReport report) {
    Optional<LocalDate> birthDate = Optional.empty();
    List<SkinFinding> findings = new ArrayList<>();
    List<Temperature> temperatures = new ArrayList<>();
    List<PlateletCount> platelets = new ArrayList<>();
    List<ConditionEntry> conditionEntries = new ArrayList<>();
    List<MedicationUse> medicines = new ArrayList<>();
    List<CbcOrder> cbcOrders = new ArrayList<>();
    boolean contextPatientSeen = false;
    for (Resource resource : pool.all()) {
      if (resource instanceof Patient patient) {
        // The context's patient; another Patient is used only while none with the context's id has been seen.
        boolean isContextPatient = patientId.equals(patient.getIdElement().getIdPart());
        if (isContextPatient || !contextPatientSeen && birthDate.isEmpty()) {
          birthDate = FhirDates.localDate(patient.getBirthDateElement());
          contextPatientSeen |= isContextPatient;
          report.read(patient, birthDate);
        } else {
          report.ignored(patient, Ignored.OTHER_PATIENT, () -> "the call is about Patient/" + patientId);
        }
      } else if (resource instanceof Observation observation) {
        readObservation(observation, findings, temperatures, platelets, report);
      } else if (resource instanceof Condition condition) {
        conditionEntries.addAll(conditions.read(condition, report));
      } else if (resource instanceof MedicationStatement statement) {
        medicines.addAll(medications.read(statement, pool, report));
      } else if (resource instanceof MedicationRequest request) {
        medicines.addAll(medications.read(request, pool, report));
      } else if (resource instanceof ServiceRequest order) {
        cbcOrder(order, report).ifPresent(cbcOrders::add);
      } else if (resource instanceof Medication medication) {
        report.read(medication, medication);
      } else {
        report.ignored(resource, Ignored.NOT_READ, () -> "Pinpoint does not read " + resource.fhirType() + " resources");
      }
    }
    return new PatientSnapshot(patientId, birthDate, findings, temperatures, platelets, conditionEntries, medicines,
        cbcOrders);
  }

  private void readObservation(Observation observation, List<SkinFinding> findings, List<Temperature> temperatures,
      List<PlateletCount> platelets, ReadingReport report) {
    String reference = "Observation/" + observation.getIdElement().getIdPart();
    Optional<Instant> when = FhirDates.first(
        observation.hasEffectiveDateTimeType() ? FhirDates.instant(observation.getEffectiveDateTimeType()) : Optional.empty(),
        observation.hasEffectivePeriod() ? FhirDates.instant(observation.getEffectivePeriod().getStartElement()) : Optional.empty(),
        observation.hasEffectiveInstantType() ? FhirDates.instant(observation.getEffectiveInstantType()) : Optional.empty(),
        FhirDates.instant(observation.getIssuedElement()));
    if (Concepts.hasCodingIn(observation.getCode(), plateletCodes)) {
      measured(observation, "platelet count", RESULT_STATUSES, when, units::plateletsPerNanolitre,
          units.plateletFactors().keySet(), report).ifPresent(count -> {
            PlateletCount platelet = new PlateletCount(reference, when.get(), count, asRecorded(observation));
            platelets.add(platelet);
            report.read(observation, platelet);
          });
    } else if (Concepts.hasCodingIn(observation.getCode(), temperatureCodes)) {
      measured(observation, "body temperature", FINDING_STATUSES, when, units::celsius, temperatureUnits, report)
          .ifPresent(celsius -> {
            Temperature temperature = new Temperature(reference, when.get(), celsius);
            temperatures.add(temperature);
            report.read(observation, temperature);
          });
    } else if (!FINDING_STATUSES.contains(observation.getStatus())) {
      report.ignored(observation, Ignored.WRONG_STATUS, () -> "status " + statusOf(observation)
          + ": a skin finding counts when final, amended, corrected or preliminary");
    } else {
      skinFindings.read(observation, when, report).ifPresent(findings::add);
    }
  }

  /** The value in the unit the rules use, when status, value, date and unit all allow; else why not. */
  private static Optional<Double> measured(Observation observation, String what, Set<ObservationStatus> statuses,
      Optional<Instant> when, Function<Quantity, Optional<Double>> convert, Collection<String> knownUnits,
      ReadingReport report) {
    if (!statuses.contains(observation.getStatus())) {
      report.ignored(observation, Ignored.WRONG_STATUS, () -> what + " with status " + statusOf(observation)
          + "; counted: " + new TreeSet<>(statuses.stream().map(ObservationStatus::toCode).toList()));
      return Optional.empty();
    }
    if (!observation.hasValueQuantity() || !observation.getValueQuantity().hasValue()) {
      report.ignored(observation, Ignored.NO_VALUE, () -> what + " without a valueQuantity");
      return Optional.empty();
    }
    if (when.isEmpty()) {
      report.ignored(observation, Ignored.NO_DATE, () -> what + " without effective[x] or issued");
      return Optional.empty();
    }
    Optional<Double> value = convert.apply(observation.getValueQuantity());
    if (value.isEmpty()) {
      report.ignored(observation, Ignored.UNIT, () -> what + " in unit '" + ReadingUnits.unitOf(observation.getValueQuantity())
          + "', which Pinpoint does not convert; it converts " + new TreeSet<>(knownUnits));
    }
    return value;
  }

  private static Set<String> temperatureUnits(ReadingUnits units) {
    Set<String> known = new TreeSet<>(units.celsius());
    known.addAll(units.fahrenheit());
    return Set.copyOf(known);
  }

  private static String statusOf(Observation observation) {
    return observation.hasStatus() ? observation.getStatus().toCode() : "(none)";
  }

  private static String asRecorded(Observation observation) {
    var quantity = observation.getValueQuantity();
    String unit = quantity.hasUnit() ? quantity.getUnit() : quantity.getCode();
    return (quantity.getValue().stripTrailingZeros().toPlainString() + " " + (unit == null ? "" : unit)).trim();
  }

  private Optional<CbcOrder> cbcOrder(ServiceRequest order, ReadingReport report) {
    if (!Concepts.hasCodingIn(order.getCode(), cbcCodes)) {
      report.ignored(order, Ignored.UNKNOWN_CODE, () -> "'" + Concepts.name(order.getCode()) + "' is not a CBC order code");
      return Optional.empty();
    }
    if (!ORDER_STATUSES.contains(order.getStatus())) {
      report.ignored(order, Ignored.WRONG_STATUS, () -> "CBC order with status "
          + (order.hasStatus() ? order.getStatus().toCode() : "(none)") + "; counted: active, completed");
      return Optional.empty();
    }
    Optional<CbcOrder> cbc = FhirDates.instant(order.getAuthoredOnElement()).map(authored -> new CbcOrder(
        "ServiceRequest/" + order.getIdElement().getIdPart(), Concepts.name(order.getCode()), authored));
    cbc.ifPresentOrElse(c -> report.read(order, c),
        () -> report.ignored(order, Ignored.NO_DATE, () -> "CBC order without authoredOn"));
    return cbc;
  }
}
