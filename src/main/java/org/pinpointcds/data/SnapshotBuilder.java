package org.pinpointcds.data;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationComponentComponent;
import org.hl7.fhir.r4.model.Observation.ObservationStatus;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Type;
import org.pinpointcds.data.UnreadResources.Why;
import org.pinpointcds.terminology.Terminology;
import org.pinpointcds.terminology.ValueSetIndex;
import org.pinpointcds.triage.CbcOrder;
import org.pinpointcds.triage.Coded;
import org.pinpointcds.triage.DataGap;
import org.pinpointcds.triage.ConditionEntry;
import org.pinpointcds.triage.MedicationUse;
import org.pinpointcds.triage.OrderPriority;
import org.pinpointcds.triage.PatientSnapshot;
import org.pinpointcds.triage.PlateletCount;
import org.pinpointcds.triage.SkinFinding;
import org.pinpointcds.triage.Temperature;
import org.pinpointcds.triage.When;

/**
 * Builds the patient snapshot from every resource of the call. Each resource is classified by its type and
 * code, whichever prefetch key brought it; the status rules and dates of contract section 3, as the read plans
 * state them ({@link ObservationPlan}, {@link ServiceRequestPlan}, ...), and the readings of section 5 are applied
 * here. Every decision is told to the {@link ReadingReport}, and what could change the triage but could
 * not be read becomes a gap of the snapshot.
 */
final class SnapshotBuilder {

  /** What one kind of measurement is: how messages name it, what a gap of it would have been, which statuses count. */
  private record Measurement(String name, DataGap.Kind kind, Statuses<ObservationStatus> statuses) {}

  private static final Measurement PLATELETS =
      new Measurement("platelet count", DataGap.Kind.PLATELET_COUNT, ObservationPlan.RESULTS);
  private static final Measurement TEMPERATURE =
      new Measurement("body temperature", DataGap.Kind.TEMPERATURE, ObservationPlan.FINDINGS);

  private final ValueSetIndex temperatureCodes;
  private final ValueSetIndex plateletCodes;
  private final ValueSetIndex cbcCodes;
  private final ReadingUnits units;
  private final ZoneId zone;
  private final SkinFindingReader skinFindings;
  private final ConditionReader conditions;
  private final MedicationReader medications;

  SnapshotBuilder(Terminology terminology, ReadingUnits units, ZoneId zone) {
    this.temperatureCodes = terminology.valueSet("body-temperature");
    this.plateletCodes = terminology.valueSet("platelet-count");
    this.cbcCodes = terminology.valueSet("cbc-orders");
    this.units = units;
    this.zone = zone;
    this.skinFindings = new SkinFindingReader(terminology, units, zone);
    this.conditions = new ConditionReader(terminology, zone);
    this.medications = new MedicationReader(new MedicationClassifier(terminology), zone);
  }

  PatientSnapshot build(String patientId, ResourcePool pool) {
    return build(patientId, pool, ReadingReport.NONE);
  }

  PatientSnapshot build(String patientId, ResourcePool pool, ReadingReport report) {
    Optional<LocalDate> birthDate = Optional.empty();
    Readings readings = new Readings(new UnreadResources(pool, report), report);
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
        readObservation(observation, pool.keyOf(observation), readings);
      } else if (resource instanceof Condition condition) {
        readings.conditions.addAll(conditions.read(condition, readings.unread, report));
      } else if (resource instanceof MedicationStatement statement) {
        readings.medicines.addAll(medications.read(statement, pool, readings.unread, report));
      } else if (resource instanceof MedicationRequest request
          && PatientDataReader.DRAFT_ORDERS.equals(pool.keyOf(request))) {
        readings.drafts.addAll(medications.readDraft(request, pool, readings.unread, report));
      } else if (resource instanceof MedicationRequest request) {
        readings.medicines.addAll(medications.read(request, pool, readings.unread, report));
      } else if (resource instanceof ServiceRequest order) {
        cbcOrder(order, report).ifPresent(readings.cbcOrders::add);
      } else if (resource instanceof Medication medication) {
        report.read(medication, medication);
      } else {
        report.ignored(resource, Ignored.NOT_READ, () -> "Pinpoint does not read " + resource.fhirType() + " resources");
      }
    }
    return new PatientSnapshot(patientId, birthDate, readings.findings, readings.temperatures, readings.platelets,
        readings.conditions, readings.medicines, readings.cbcOrders, readings.unread.gaps(), readings.drafts);
  }

  /** What one call's resources become, as the builder reads them. */
  private record Readings(UnreadResources unread, ReadingReport report, List<SkinFinding> findings,
      List<Temperature> temperatures, List<PlateletCount> platelets, List<ConditionEntry> conditions,
      List<MedicationUse> medicines, List<CbcOrder> cbcOrders, List<MedicationUse> drafts) {
    Readings(UnreadResources unread, ReadingReport report) {
      this(unread, report, new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
          new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    }
  }

  private void readObservation(Observation observation, String key, Readings readings) {
    ReadingReport report = readings.report();
    Optional<When> when = ObservationPlan.DATES.first(observation, zone);
    if (Concepts.hasCodingIn(observation.getCode(), plateletCodes)) {
      plateletCount(observation, observation.getValue(), when, readings);
    } else if (Concepts.hasCodingIn(observation.getCode(), temperatureCodes)) {
      temperature(observation, when, readings);
    } else if (hasPlateletComponent(observation)) {
      // A panel such as a CBC: each platelet component counts like an Observation of its own (contract 5.3).
      for (ObservationComponentComponent component : observation.getComponent()) {
        if (Concepts.hasCodingIn(component.getCode(), plateletCodes)) {
          plateletCount(observation, component.getValue(), when, readings);
        }
      }
    } else if (!ObservationPlan.FINDINGS.counts(observation.getStatus())) {
      report.ignored(observation, Ignored.WRONG_STATUS, () -> "status " + statusOf(observation)
          + ": a skin finding counts when " + ObservationPlan.FINDINGS.listed("or"));
    } else {
      skinFindings.read(observation, key, when, readings.unread(), report).ifPresent(readings.findings()::add);
    }
  }

  private boolean hasPlateletComponent(Observation observation) {
    for (ObservationComponentComponent component : observation.getComponent()) {
      if (Concepts.hasCodingIn(component.getCode(), plateletCodes)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The number a measurement that counts holds: its status counts, and it has a value, a date and a Quantity.
   * Otherwise empty, and why is told: a result without a value (a dataAbsentReason such as a clotted sample) is no
   * measurement, so the one before it stands; a value that cannot be read could change the triage, so it is a gap.
   */
  private static Optional<Quantity> measured(Observation observation, Type value, Measurement what,
      Optional<When> when, Readings readings) {
    ReadingReport report = readings.report();
    if (!what.statuses().counts(observation.getStatus())) {
      report.ignored(observation, Ignored.WRONG_STATUS, () -> what.name() + " with status " + statusOf(observation)
          + "; counted: " + new TreeSet<>(what.statuses().counted()));
      return Optional.empty();
    }
    if (value == null || value.isEmpty()) {
      report.ignored(observation, Ignored.NO_VALUE, () -> what.name() + " without a value: not a measurement");
      return Optional.empty();
    }
    if (when.isEmpty()) {
      readings.unread().resource(observation, what.kind(), Why.UNREADABLE_DATE,
          what.name() + " without a date (effective[x] or issued)", when);
      return Optional.empty();
    }
    if (!(value instanceof Quantity quantity) || !quantity.hasValue()) {
      readings.unread().resource(observation, what.kind(), Why.UNREADABLE_VALUE,
          what.name() + " given as " + value.fhirType() + " '" + describe(value) + "', not a number with a unit", when);
      return Optional.empty();
    }
    return Optional.of(quantity);
  }

  /**
   * A platelet count, the value of an Observation or of a panel's component, with the Observation's status and date:
   * a comparator makes it a range, an unknown unit or an implausible value leaves it unread (contract 5.3).
   */
  private void plateletCount(Observation observation, Type value, Optional<When> when, Readings readings) {
    Optional<Quantity> measured = measured(observation, value, PLATELETS, when, readings);
    if (measured.isEmpty()) {
      return;
    }
    Quantity quantity = measured.get();
    Optional<Double> count = units.plateletsPerNanolitre(quantity);
    if (count.isEmpty()) {
      readings.unread().resource(observation, DataGap.Kind.PLATELET_COUNT, Why.UNIT_UNKNOWN, "platelet count "
          + asRecorded(quantity) + ": unit '" + ReadingUnits.unitOf(quantity) + "' is not one Pinpoint converts", when);
      return;
    }
    if (!units.plausiblePlatelets().contains(count.get())) {
      readings.unread().resource(observation, DataGap.Kind.PLATELET_COUNT, Why.IMPLAUSIBLE, "platelet count "
          + asRecorded(quantity) + " is " + count.get() + " x10^9/L, outside what a body can have: a unit mix-up?", when);
      return;
    }
    PlateletCount platelet = new PlateletCount(UnreadResources.reference(observation), when.get(), count.get(),
        bound(quantity), asRecorded(quantity));
    readings.platelets().add(platelet);
    readings.report().read(observation, platelet);
  }

  private static PlateletCount.Bound bound(Quantity quantity) {
    if (!quantity.hasComparator()) {
      return PlateletCount.Bound.EXACT;
    }
    return switch (quantity.getComparator()) {
      case LESS_THAN, LESS_OR_EQUAL -> PlateletCount.Bound.AT_MOST;
      case GREATER_THAN, GREATER_OR_EQUAL -> PlateletCount.Bound.AT_LEAST;
      default -> PlateletCount.Bound.EXACT;
    };
  }

  /** A body temperature in °C: its unit converted or inferred, and plausible (contract 5.2). */
  private void temperature(Observation observation, Optional<When> when, Readings readings) {
    Optional<Quantity> measured = measured(observation, observation.getValue(), TEMPERATURE, when, readings);
    if (measured.isEmpty()) {
      return;
    }
    Quantity quantity = measured.get();
    Optional<ReadingUnits.Celsius> celsius = units.bodyTemperature(quantity);
    if (celsius.isEmpty()) {
      readings.unread().resource(observation, DataGap.Kind.TEMPERATURE, Why.UNIT_UNKNOWN, "body temperature "
          + asRecorded(quantity) + ": " + (ReadingUnits.unitOf(quantity).equals("none") ? "no unit"
              : "unit '" + ReadingUnits.unitOf(quantity) + "' unknown") + ", and the value is neither a plausible °C ("
          + range(units.plausibleCelsius()) + ") nor °F (" + range(units.inferredFahrenheit()) + ")", when);
      return;
    }
    if (!units.plausibleCelsius().contains(celsius.get().value())) {
      readings.unread().resource(observation, DataGap.Kind.TEMPERATURE, Why.IMPLAUSIBLE, "body temperature "
          + asRecorded(quantity) + " is " + celsius.get().value() + " °C, outside what a body can have ("
          + range(units.plausibleCelsius()) + " °C)", when);
      return;
    }
    Temperature temperature = new Temperature(UnreadResources.reference(observation), when.get(),
        celsius.get().value(), celsius.get().inferred());
    readings.temperatures().add(temperature);
    readings.report().read(observation, temperature);
  }

  private static String range(ReadingUnits.Range range) {
    return BigDecimal.valueOf(range.min()).stripTrailingZeros().toPlainString() + "-"
        + BigDecimal.valueOf(range.max()).stripTrailingZeros().toPlainString();
  }

  private static String describe(Type value) {
    return value.isPrimitive() ? value.primitiveValue() : value.fhirType();
  }

  private static String statusOf(Observation observation) {
    return observation.hasStatus() ? observation.getStatus().toCode() : "(none)";
  }

  private static String asRecorded(Quantity quantity) {
    String unit = quantity.hasUnit() ? quantity.getUnit() : quantity.getCode();
    return ((quantity.hasComparator() ? quantity.getComparator().toCode() : "")
        + quantity.getValue().stripTrailingZeros().toPlainString() + " " + (unit == null ? "" : unit)).trim();
  }

  private Optional<CbcOrder> cbcOrder(ServiceRequest order, ReadingReport report) {
    if (!Concepts.hasCodingIn(order.getCode(), cbcCodes)) {
      report.ignored(order, Ignored.UNKNOWN_CODE, () -> "'" + Concepts.name(order.getCode()) + "' is not a CBC order code");
      return Optional.empty();
    }
    if (!ServiceRequestPlan.STATUSES.counts(order.getStatus())) {
      report.ignored(order, Ignored.WRONG_STATUS, () -> "CBC order with status "
          + (order.hasStatus() ? order.getStatus().toCode() : "(none)")
          + "; counted: " + ServiceRequestPlan.STATUSES.listed());
      return Optional.empty();
    }
    Optional<OrderPriority> priority = order.hasPriority()
        ? Coded.fromCode(OrderPriority.class, order.getPriority().toCode()) : Optional.empty();
    Optional<CbcOrder> cbc = ServiceRequestPlan.DATES.first(order, zone).map(authored -> new CbcOrder(
        "ServiceRequest/" + order.getIdElement().getIdPart(), Concepts.name(order.getCode()), authored, priority));
    cbc.ifPresentOrElse(c -> report.read(order, c),
        () -> report.ignored(order, Ignored.NO_DATE, () -> "CBC order without authoredOn"));
    return cbc;
  }
}
