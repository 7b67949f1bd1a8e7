package org.pinpointcds.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Small FHIR R4 JSON fixtures, built in code so that each test shows the few fields it is about. Every
 * builder returns a mutable Jackson node: a test that needs one more field sets it with {@code put}.
 */
public final class Fhir {

  public static final String SKIN_FINDING = "https://pinpoint-cds.org/fhir/CodeSystem/skin-finding";
  public static final String COMPONENT = "https://pinpoint-cds.org/fhir/CodeSystem/skin-finding-component";
  public static final String LOINC = "http://loinc.org";
  public static final String UCUM = "http://unitsofmeasure.org";
  public static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
  public static final String ATC = "http://www.whocc.no/atc";
  public static final String ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm";
  public static final String SNOMED = "http://snomed.info/sct";
  public static final String EHR = "https://ehr.example.org/fhir/";

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private Fhir() {}

  public static ObjectNode patient(String id, LocalDate birthDate) {
    return resource("Patient", id).put("birthDate", birthDate.toString());
  }

  /** A searchset Bundle with one match entry per resource, each with a full URL on the EHR's server. */
  public static ObjectNode bundle(JsonNode... resources) {
    ObjectNode bundle = resource("Bundle", null).put("type", "searchset");
    ArrayNode entries = bundle.putArray("entry");
    for (JsonNode resource : resources) {
      entries.add(entry(resource, "match"));
    }
    return bundle.put("total", resources.length);
  }

  public static ObjectNode entry(JsonNode resource, String searchMode) {
    ObjectNode entry = JSON.objectNode();
    if (resource.hasNonNull("id")) {
      entry.put("fullUrl", EHR + resource.get("resourceType").asText() + "/" + resource.get("id").asText());
    }
    entry.set("resource", resource);
    entry.putObject("search").put("mode", searchMode);
    return entry;
  }

  /** An OperationOutcome, as an EHR sends it for a failed prefetch or as a search warning. */
  public static ObjectNode operationOutcome(String diagnostics) {
    ObjectNode outcome = resource("OperationOutcome", null);
    outcome.putArray("issue").addObject().put("severity", "warning").put("code", "processing")
        .put("diagnostics", diagnostics);
    return outcome;
  }

  /** A skin finding Observation (profile PinpointSkinFinding) coded in Pinpoint's code system. */
  public static SkinFinding skinFinding(String id, String code, Instant observedAt) {
    return new SkinFinding(observation(id, concept(SKIN_FINDING, code, code), observedAt, "exam"));
  }

  /** A body temperature with a UCUM unit ({@code Cel} or {@code [degF]}). */
  public static ObjectNode temperature(String id, double value, String ucum, Instant at) {
    ObjectNode observation = observation(id, concept(LOINC, "8310-5", "Body temperature"), at, "vital-signs");
    observation.putObject("valueQuantity").put("value", value).put("unit", ucum).put("system", UCUM).put("code", ucum);
    return observation;
  }

  /** A final platelet count (LOINC 777-3) whose unit is given as a UCUM code. */
  public static ObjectNode plateletCount(String id, double value, String ucum, Instant at) {
    ObjectNode observation = plateletCountObservation(id, at);
    observation.putObject("valueQuantity").put("value", value).put("unit", ucum).put("system", UCUM).put("code", ucum);
    return observation;
  }

  /** A final platelet count whose unit is only a display unit, as many laboratories send it ({@code K/uL}). */
  public static ObjectNode plateletCountWithDisplayUnit(String id, double value, String unit, Instant at) {
    ObjectNode observation = plateletCountObservation(id, at);
    observation.putObject("valueQuantity").put("value", value).put("unit", unit);
    return observation;
  }

  /** An ICD-10-CM Condition with a clinical status, recorded at {@code recorded}. */
  public static ObjectNode condition(String id, String icd10, String clinicalStatus, Instant recorded) {
    ObjectNode condition = resource("Condition", id);
    condition.set("clinicalStatus", concept("http://terminology.hl7.org/CodeSystem/condition-clinical", clinicalStatus, null));
    condition.set("code", concept(ICD10CM, icd10, null));
    condition.putObject("subject").put("reference", "Patient/p1");
    return condition.put("recordedDate", recorded.toString());
  }

  public static ObjectNode verificationStatus(ObjectNode condition, String status) {
    condition.set("verificationStatus",
        concept("http://terminology.hl7.org/CodeSystem/condition-ver-status", status, null));
    return condition;
  }

  /** A MedicationStatement naming its drug by a CodeableConcept; effective from a month before {@code since}. */
  public static ObjectNode medicationStatement(String id, String status, ObjectNode drug, Instant since) {
    ObjectNode statement = resource("MedicationStatement", id).put("status", status);
    statement.set("medicationCodeableConcept", drug);
    statement.putObject("subject").put("reference", "Patient/p1");
    statement.putObject("effectivePeriod").put("start", since.toString());
    return statement;
  }

  /** Sets when a completed or stopped medicine ended. */
  public static ObjectNode endedAt(ObjectNode statement, Instant end) {
    ((ObjectNode) statement.get("effectivePeriod")).put("end", end.toString());
    return statement;
  }

  public static ObjectNode medicationRequest(String id, String status, ObjectNode drug) {
    ObjectNode request = resource("MedicationRequest", id).put("status", status).put("intent", "order");
    request.set("medicationCodeableConcept", drug);
    request.putObject("subject").put("reference", "Patient/p1");
    return request;
  }

  /** Replaces the drug concept of a statement or request with a {@code medicationReference}. */
  public static ObjectNode referencing(ObjectNode medicineUse, String reference) {
    medicineUse.remove("medicationCodeableConcept");
    medicineUse.putObject("medicationReference").put("reference", reference);
    return medicineUse;
  }

  /** Puts {@code medication} inside {@code medicineUse} and points the use at it ({@code #id}). */
  public static ObjectNode containing(ObjectNode medicineUse, ObjectNode medication) {
    medicineUse.putArray("contained").add(medication);
    return referencing(medicineUse, "#" + medication.get("id").asText());
  }

  /** A Medication resource; {@code form} may be null. */
  public static ObjectNode medication(String id, ObjectNode code, ObjectNode form) {
    ObjectNode medication = resource("Medication", id);
    medication.set("code", code);
    if (form != null) {
      medication.set("form", form);
    }
    return medication;
  }

  /** Adds a dosage with a route to a statement ({@code dosage}) or request ({@code dosageInstruction}). */
  public static ObjectNode route(ObjectNode medicineUse, ObjectNode route) {
    String field = medicineUse.get("resourceType").asText().equals("MedicationRequest") ? "dosageInstruction" : "dosage";
    medicineUse.putArray(field).addObject().set("route", route);
    return medicineUse;
  }

  /** A CBC order (LOINC 58410-2). */
  public static ObjectNode cbcOrder(String id, String status, Instant authoredOn) {
    ObjectNode order = resource("ServiceRequest", id).put("status", status).put("intent", "order");
    order.set("code", concept(LOINC, "58410-2", "CBC panel - Blood by Automated count"));
    order.putObject("subject").put("reference", "Patient/p1");
    return order.put("authoredOn", authoredOn.toString());
  }

  /** A CodeableConcept with one coding; {@code display} may be null. */
  public static ObjectNode concept(String system, String code, String display) {
    ObjectNode coding = JSON.objectNode().put("system", system).put("code", code);
    if (display != null) {
      coding.put("display", display);
    }
    ObjectNode concept = JSON.objectNode();
    concept.putArray("coding").add(coding);
    return concept;
  }

  /** A CodeableConcept with text only. */
  public static ObjectNode text(String text) {
    return JSON.objectNode().put("text", text);
  }

  public static ObjectNode resource(String type, String id) {
    ObjectNode resource = JSON.objectNode().put("resourceType", type);
    return id == null ? resource : resource.put("id", id);
  }

  private static ObjectNode observation(String id, ObjectNode code, Instant at, String category) {
    ObjectNode observation = resource("Observation", id).put("status", "final");
    observation.putArray("category").add(concept("http://terminology.hl7.org/CodeSystem/observation-category", category, null));
    observation.set("code", code);
    observation.putObject("subject").put("reference", "Patient/p1");
    return observation.put("effectiveDateTime", at.toString());
  }

  private static ObjectNode plateletCountObservation(String id, Instant at) {
    return observation(id, concept(LOINC, "777-3", "Platelets [#/volume] in Blood by Automated count"), at, "laboratory");
  }

  /** A skin finding Observation under construction: each method adds one component (contract section 3.1). */
  public static final class SkinFinding {

    private final ObjectNode json;

    private SkinFinding(ObjectNode json) {
      this.json = json;
    }

    public SkinFinding blanches(boolean value) {
      component("blanches").put("valueBoolean", value);
      return this;
    }

    public SkinFinding spreading(boolean value) {
      component("spreading").put("valueBoolean", value);
      return this;
    }

    public SkinFinding onset(Instant when) {
      component("onset").put("valueDateTime", when.toString());
      return this;
    }

    public SkinFinding extent(String code) {
      return coded("extent", code);
    }

    public SkinFinding distribution(String code) {
      return coded("distribution", code);
    }

    public SkinFinding trigger(String code) {
      return coded("mechanical-trigger", code);
    }

    public SkinFinding mucosal(String code) {
      return coded("mucosal-involvement", code);
    }

    public SkinFinding symptom(String code) {
      return coded("associated-symptom", code);
    }

    /** An associated symptom sent as text where a code was expected (contract 5.4). */
    public SkinFinding symptomText(String text) {
      component("associated-symptom").put("valueString", text);
      return this;
    }

    public SkinFinding feature(String code) {
      return coded("lesion-feature", code);
    }

    /** The largest spot, with a UCUM length unit ({@code mm} or {@code cm}). */
    public SkinFinding maxDiameter(double value, String ucum) {
      component("max-diameter").putObject("valueQuantity").put("value", value).put("unit", ucum).put("system", UCUM)
          .put("code", ucum);
      return this;
    }

    public SkinFinding status(String status) {
      json.put("status", status);
      return this;
    }

    /** Replaces the code with a site's own concept. */
    public SkinFinding code(ObjectNode code) {
      json.set("code", code);
      return this;
    }

    public ObjectNode json() {
      return json;
    }

    private SkinFinding coded(String component, String value) {
      component(component).set("valueCodeableConcept", concept(COMPONENT, value, null));
      return this;
    }

    private ObjectNode component(String code) {
      ArrayNode components = json.has("component") ? (ArrayNode) json.get("component") : json.putArray("component");
      ObjectNode component = components.addObject();
      component.set("code", concept(COMPONENT, code, null));
      return component;
    }
  }
}
