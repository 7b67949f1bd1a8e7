package org.pinpointcds.testing;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.pinpointcds.data.HookCallTree;

/**
 * A {@code patient-view} call to {@code petechiae-triage}. It starts with every prefetch key of the contract
 * satisfied (the patient, and an empty Bundle for every other key), so a test adds only the data it is about.
 */
public final class HookRequest {

  /** The prefetch keys of contract section 2, in its order. */
  public static final List<String> KEYS = List.of(
      "patient", "skinFindings", "temperatures", "plateletCounts", "conditions", "medicationStatements",
      "medicationRequests", "cbcOrders");
  public static final String PATIENT_ID = "p1";
  /** An adult born in 1980: the age tests choose their own birth date. */
  public static final LocalDate ADULT_BIRTH_DATE = LocalDate.of(1980, 3, 15);

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final ObjectNode json = JsonNodeFactory.instance.objectNode();

  private HookRequest() {
    json.put("hookInstance", UUID.randomUUID().toString()).put("hook", "patient-view");
    json.putObject("context").put("userId", "Practitioner/example-clinician").put("patientId", PATIENT_ID);
    ObjectNode prefetch = json.putObject("prefetch");
    prefetch.set("patient", Fhir.patient(PATIENT_ID, ADULT_BIRTH_DATE));
    KEYS.stream().skip(1).forEach(key -> prefetch.set(key, Fhir.bundle()));
  }

  public static HookRequest forAdult() {
    return new HookRequest();
  }

  public static HookRequest bornOn(LocalDate birthDate) {
    return new HookRequest().prefetch("patient", Fhir.patient(PATIENT_ID, birthDate));
  }

  /** Adds resources to the Bundle of {@code key}, as matches. */
  public HookRequest add(String key, JsonNode... resources) {
    for (JsonNode resource : resources) {
      entries(key).add(Fhir.entry(resource, "match"));
    }
    return this;
  }

  /** Adds a resource the EHR {@code _include}d with the matches of {@code key}. */
  public HookRequest include(String key, JsonNode resource) {
    entries(key).add(Fhir.entry(resource, "include"));
    return this;
  }

  public HookRequest add(String key, Fhir.SkinFinding finding) {
    return add(key, finding.json());
  }

  /** Sets a key's value as sent, replacing the default. */
  public HookRequest prefetch(String key, JsonNode value) {
    prefetch().set(key, value);
    return this;
  }

  /** Sends the key as JSON {@code null}: "no data". */
  public HookRequest nullKey(String key) {
    return prefetch(key, NullNode.getInstance());
  }

  /** Leaves the key out of the prefetch: the service must fetch it. */
  public HookRequest without(String key) {
    prefetch().remove(key);
    return this;
  }

  /** Sets (or, with {@code null}, removes) a top-level field such as {@code hook} or {@code fhirServer}. */
  public HookRequest field(String name, JsonNode value) {
    if (value == null) {
      json.remove(name);
    } else {
      json.set(name, value);
    }
    return this;
  }

  public HookRequest field(String name, String value) {
    return field(name, value == null ? null : JsonNodeFactory.instance.textNode(value));
  }

  public ObjectNode context() {
    return (ObjectNode) json.get("context");
  }

  public ObjectNode json() {
    return json;
  }

  /** The prefetch as the data layer receives it: a key present with {@code null} stays distinct from an absent key. */
  /** The prefetch as a hook call reads it: each resource without the elements nothing reads ({@link HookCallTree}). */
  public Map<String, JsonNode> prefetchMap() {
    return prefetchAsHookCallsRead(toString());
  }

  /** The prefetch of a call's JSON as a hook call reads it ({@link HookCallTree}). */
  public static Map<String, JsonNode> prefetchAsHookCallsRead(String call) {
    try (JsonParser parser = MAPPER.createParser(call)) {
      return prefetchOf(new HookCallTree(MAPPER).read(parser));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The prefetch keys of a call's JSON tree, in their order. */
  public static Map<String, JsonNode> prefetchOf(JsonNode call) {
    Map<String, JsonNode> keys = new LinkedHashMap<>();
    call.path("prefetch").fields().forEachRemaining(e -> keys.put(e.getKey(), e.getValue()));
    return keys;
  }

  @Override
  public String toString() {
    return json.toString();
  }

  private ObjectNode prefetch() {
    return (ObjectNode) json.get("prefetch");
  }

  private ArrayNode entries(String key) {
    ObjectNode bundle = (ObjectNode) prefetch().get(key);
    ArrayNode entries = (ArrayNode) bundle.get("entry");
    bundle.put("total", entries.size() + 1);
    return entries;
  }
}
