package org.pinpointcds.data;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.function.Consumer;
import java.util.function.Function;
import org.hl7.fhir.exceptions.FHIRException;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationComponentComponent;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;
import org.hl7.fhir.r4.model.UriType;

/**
 * Builds the HAPI model of a prefetch resource from its JSON tree with the elements the readers read
 * ({@link ReadElements}), and only those: HAPI's parser builds every element, which costs several times more than
 * the whole rest of a call. Values are made by HAPI's own types ({@code DateTimeType}, {@code DecimalType}, the status enumerations), so they mean
 * what HAPI's parser makes of them. Any shape not known here exactly (a JSON type other than FHIR's, {@code null},
 * an empty or padded string, a primitive's extension {@code _x}, two values of one choice element, a contained
 * resource other than a Medication, a value HAPI refuses) is left to HAPI's parser, which then accepts or refuses
 * the resource as it always did.
 */
final class LeanParser {

  private final FhirContext fhirContext;

  LeanParser(FhirContext fhirContext) {
    this.fhirContext = fhirContext;
  }

  /** @throws InvalidPrefetchException when HAPI's parser refuses the resource */
  Resource parse(PrefetchedResource prefetched) {
    Resource model;
    try {
      model = lean(prefetched.type(), prefetched.json());
      String id = primitive(prefetched.json(), "id", Function.identity());
      if (id != null || prefetched.fullUrl() != null) {
        model.setId(id != null ? id : prefetched.fullUrl()); // HAPI's parser, too, takes a Bundle entry's fullUrl
      }
    } catch (NotLean e) {
      model = hapi(prefetched);
    }
    return model;
  }

  private Resource hapi(PrefetchedResource prefetched) {
    try {
      Resource model = (Resource) FhirJson.parse(fhirContext, prefetched.json());
      if (model.getIdElement().isEmpty() && prefetched.fullUrl() != null) {
        model.setId(prefetched.fullUrl()); // as HAPI's parser does for a Bundle entry
      }
      return model;
    } catch (DataFormatException | ClassCastException e) {
      throw new InvalidPrefetchException(prefetched.key(), "is not valid FHIR R4 JSON (" + e.getMessage() + ")");
    }
  }

  /** The model, or {@link NotLean}: ids, that every type has, are set by the caller. */
  private static Resource lean(String type, JsonNode json) {
    plainObject(json);
    return switch (type) {
      case "Patient" -> new Patient().setBirthDateElement(primitive(json, "birthDate", DateType::new));
      case "Observation" -> observation(json);
      case "Condition" -> new Condition()
          .setClinicalStatus(concept(json.get("clinicalStatus")))
          .setVerificationStatus(concept(json.get("verificationStatus")))
          .setCode(concept(json.get("code")))
          .setOnset(dateTimeOrPeriod(json, "onset"))
          .setRecordedDateElement(primitive(json, "recordedDate", DateTimeType::new));
      case "MedicationStatement" -> {
        MedicationStatement statement = new MedicationStatement()
            .setStatus(status(json, MedicationStatement.MedicationStatementStatus::fromCode))
            .setMedication(medication(json))
            .setEffective(dateTimeOrPeriod(json, "effective"))
            .setDateAssertedElement(primitive(json, "dateAsserted", DateTimeType::new));
        each(json.get("dosage"), dosage -> statement.addDosage(dosage(dosage)));
        yield contained(statement, json);
      }
      case "MedicationRequest" -> {
        MedicationRequest request = new MedicationRequest()
            .setStatus(status(json, MedicationRequest.MedicationRequestStatus::fromCode))
            .setDoNotPerformElement(bool(json.get("doNotPerform")))
            .setMedication(medication(json));
        each(json.get("dosageInstruction"), dosage -> request.addDosageInstruction(dosage(dosage)));
        yield contained(request, json);
      }
      case "Medication" -> medicationResource(json);
      case "ServiceRequest" -> new ServiceRequest()
          .setStatus(status(json, ServiceRequest.ServiceRequestStatus::fromCode))
          .setPriority(code(json, "priority", ServiceRequest.ServiceRequestPriority::fromCode))
          .setCode(concept(json.get("code")))
          .setAuthoredOnElement(primitive(json, "authoredOn", DateTimeType::new));
      default -> throw NotLean.INSTANCE;
    };
  }

  private static Observation observation(JsonNode json) {
    Observation observation = new Observation()
        .setStatus(status(json, Observation.ObservationStatus::fromCode))
        .setCode(concept(json.get("code")))
        .setEffective(dateTimeOrPeriod(json, "effective"))
        .setIssuedElement(primitive(json, "issued", InstantType::new));
    if (observation.getEffective() == null && json.has("effectiveInstant")) {
      observation.setEffective(primitive(json, "effectiveInstant", InstantType::new));
    }
    observation.setValue(value(json)).setDataAbsentReason(concept(json.get("dataAbsentReason")));
    each(json.get("component"), c -> {
      plainObject(c);
      ObservationComponentComponent component = observation.addComponent().setCode(concept(c.get("code")));
      component.setValue(value(c)).setDataAbsentReason(concept(c.get("dataAbsentReason")));
    });
    return observation;
  }

  /**
   * The value[x] of an Observation or a component, of the types the readers read: boolean, dateTime, Quantity,
   * string or CodeableConcept; any other is HAPI's to build, so that a reader sees every value sent (contract 5).
   */
  private static Type value(JsonNode json) {
    int values = prefixed(json, "value");
    if (values == 0) {
      return null;
    }
    if (values > 1) {
      throw NotLean.INSTANCE;
    }
    if (json.has("valueBoolean")) {
      return bool(json.get("valueBoolean"));
    }
    if (json.has("valueDateTime")) {
      return primitive(json, "valueDateTime", DateTimeType::new);
    }
    if (json.has("valueQuantity")) {
      return quantity(json.get("valueQuantity"));
    }
    if (json.has("valueString")) {
      return primitive(json, "valueString", StringType::new);
    }
    if (json.has("valueCodeableConcept")) {
      return concept(json.get("valueCodeableConcept"));
    }
    throw NotLean.INSTANCE;
  }

  private static BooleanType bool(JsonNode value) {
    if (value == null) {
      return null;
    }
    if (!value.isBoolean()) {
      throw NotLean.INSTANCE;
    }
    return new BooleanType(value.booleanValue());
  }

  private static Type medication(JsonNode json) {
    if (prefixed(json, "medication") > 1) {
      throw NotLean.INSTANCE;
    }
    JsonNode reference = json.get("medicationReference");
    if (reference == null) {
      return concept(json.get("medicationCodeableConcept"));
    }
    plainObject(reference);
    return new Reference().setReference(primitive(reference, "reference", Function.identity()))
        .setDisplay(primitive(reference, "display", Function.identity()));
  }

  private static Medication medicationResource(JsonNode json) {
    Medication medication = new Medication().setCode(concept(json.get("code"))).setForm(concept(json.get("form")));
    each(json.get("ingredient"), ingredient -> {
      plainObject(ingredient);
      if (prefixed(ingredient, "item") > 1) {
        throw NotLean.INSTANCE;
      }
      medication.addIngredient().setItem(concept(ingredient.get("itemCodeableConcept")));
    });
    return medication;
  }

  /** Contained Medications, which a {@code #id} reference names; anything else contained is left to HAPI. */
  private static DomainResource contained(DomainResource owner, JsonNode json) {
    each(json.get("contained"), resource -> {
      if (!"Medication".equals(resource.path("resourceType").textValue()) || !resource.path("id").isTextual()) {
        throw NotLean.INSTANCE;
      }
      plainObject(resource);
      owner.addContained(medicationResource(resource).setId(resource.get("id").textValue()));
    });
    return owner;
  }

  private static Dosage dosage(JsonNode json) {
    plainObject(json);
    return new Dosage().setRoute(concept(json.get("route")));
  }

  private static CodeableConcept concept(JsonNode json) {
    if (json == null) {
      return null;
    }
    plainObject(json);
    CodeableConcept concept = new CodeableConcept().setTextElement(primitive(json, "text",
        StringType::new));
    each(json.get("coding"), coding -> {
      plainObject(coding);
      concept.addCoding()
          .setSystemElement(primitive(coding, "system", UriType::new))
          .setCodeElement(primitive(coding, "code", CodeType::new))
          .setDisplayElement(primitive(coding, "display", StringType::new));
    });
    return concept;
  }

  private static Quantity quantity(JsonNode json) {
    plainObject(json);
    JsonNode value = json.get("value");
    Quantity quantity = new Quantity();
    if (value != null) {
      if (!value.isNumber()) {
        throw NotLean.INSTANCE;
      }
      DecimalType decimal = new DecimalType();
      decimal.setValueAsString(value.asText()); // the number as written, as HAPI's parser reads it
      quantity.setValueElement(decimal);
    }
    return quantity.setComparator(code(json, "comparator", Quantity.QuantityComparator::fromCode))
        .setUnitElement(primitive(json, "unit", StringType::new))
        .setCodeElement(primitive(json, "code", CodeType::new))
        .setSystemElement(primitive(json, "system", UriType::new));
  }

  private static Period period(JsonNode json) {
    plainObject(json);
    return new Period().setStartElement(primitive(json, "start", DateTimeType::new))
        .setEndElement(primitive(json, "end", DateTimeType::new));
  }

  /**
   * The one value of choice element {@code name}[x] when it is a dateTime or a Period; null when it is absent or
   * of another type (the readers ask for these two only).
   */
  private static Type dateTimeOrPeriod(JsonNode json, String name) {
    if (prefixed(json, name) > 1) {
      throw NotLean.INSTANCE;
    }
    if (json.has(name + "DateTime")) {
      return primitive(json, name + "DateTime", DateTimeType::new);
    }
    JsonNode period = json.get(name + "Period");
    return period == null ? null : period(period);
  }

  /** A FHIR primitive made by HAPI's type from the string; null when absent. */
  private static <T> T primitive(JsonNode json, String field, Function<String, T> make) {
    JsonNode value = json.get(field);
    if (value == null) {
      return null;
    }
    String text = value.textValue();
    if (text == null || text.isEmpty() || !text.strip().equals(text)) {
      throw NotLean.INSTANCE;
    }
    try {
      return make.apply(text);
    } catch (DataFormatException | IllegalArgumentException e) {
      throw NotLean.INSTANCE;
    }
  }

  private static <E> E status(JsonNode json, FhirCode<E> fromCode) {
    return code(json, "status", fromCode);
  }

  /** A code element made by its enumeration; null when absent. */
  private static <E> E code(JsonNode json, String field, FhirCode<E> fromCode) {
    String code = primitive(json, field, Function.identity());
    try {
      return code == null ? null : fromCode.apply(code);
    } catch (FHIRException e) {
      throw NotLean.INSTANCE;
    }
  }

  /** A status enumeration's {@code fromCode}, which throws a checked exception for a code it does not know. */
  @FunctionalInterface
  private interface FhirCode<E> {
    E apply(String code) throws FHIRException;
  }

  /** Each object of a JSON array; absent is none. */
  private static void each(JsonNode array, Consumer<JsonNode> use) {
    if (array == null) {
      return;
    }
    if (!array.isArray()) {
      throw NotLean.INSTANCE;
    }
    array.forEach(item -> {
      if (!item.isObject()) {
        throw NotLean.INSTANCE;
      }
      use.accept(item);
    });
  }

  /** An object whose primitives carry no extensions ({@code _x}): those are HAPI's to read. */
  private static void plainObject(JsonNode json) {
    if (!json.isObject()) {
      throw NotLean.INSTANCE;
    }
    for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
      if (names.next().startsWith("_")) {
        throw NotLean.INSTANCE;
      }
    }
  }

  /** How many fields start with {@code prefix}: two values of one choice element are HAPI's to judge. */
  private static int prefixed(JsonNode json, String prefix) {
    int count = 0;
    for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
      count += names.next().startsWith(prefix) ? 1 : 0;
    }
    return count;
  }

  /** A shape this parser leaves to HAPI's; thrown often on odd data, so without a stack trace. */
  private static final class NotLean extends RuntimeException {
    static final NotLean INSTANCE = new NotLean();

    private NotLean() {
      super("left to HAPI's parser", null, false, false);
    }
  }
}
