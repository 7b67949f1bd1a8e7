package org.pinpointcds.data;

import static java.time.Duration.ofDays;
import static java.time.Duration.ofHours;
import static java.time.Duration.ofMinutes;
import static org.pinpointcds.data.DataLayer.ago;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.pinpointcds.testing.Fhir;
import org.pinpointcds.testing.HookRequest;

/** Seeded random patient records as FHIR JSON, each with the prefetch key an EHR sends it under, dated back from {@link DataLayer#NOW}. */
final class RandomRecords {

  private static final String[] SYMPTOMS = {"fever", "confusion", "gum-bleeding", "unexplained-bruising"};
  private static final String[] FINDINGS = {"petechiae", "purpura", "cherry-angioma", "red-skin-lesion"};
  /** Free text as clinicians write it, negated or not. */
  private static final String[] FREE_TEXTS = {"Petechiae on both ankles after coughing; denies gum bleeding",
      "no petechiae", "Red rash on the trunk", "Hay fever", "fever since last night", "fever resolved",
      "neck stiffness", "denies confusion", "coughing", "widespread", "thrombocytopenia", "no fever, rash on legs"};

  private RandomRecords() {}

  /** The seeds the properties over records run on: a failing one reproduces exactly. */
  static Stream<Long> seeds() {
    return LongStream.range(0, 300).boxed();
  }

  /** A call whose prefetch holds {@code records}, each under its key. */
  static HookRequest request(List<Map.Entry<String, ObjectNode>> records) {
    HookRequest request = HookRequest.forAdult();
    records.forEach(r -> request.add(r.getKey(), r.getValue().deepCopy()));
    return request;
  }

  /** A few recent records around the thresholds: findings with and without red flags, vitals, counts, a medicine, a CBC order. */
  static List<Map.Entry<String, ObjectNode>> records(Random random) {
    List<Map.Entry<String, ObjectNode>> records = new ArrayList<>();
    for (int i = random.nextInt(4); i >= 0; i--) {
      Fhir.SkinFinding finding = Fhir.skinFinding("skin-" + i, pick(random, FINDINGS), ago(ofHours(random.nextInt(400))));
      if (random.nextBoolean()) {
        finding.trigger("coughing");
      }
      if (random.nextInt(4) == 0) {
        finding.symptom(pick(random, SYMPTOMS));
      }
      if (random.nextInt(5) == 0) {
        finding.feature("irregular");
      }
      records.add(Map.entry("skinFindings", finding.json()));
    }
    for (int i = random.nextInt(3); i > 0; i--) {
      records.add(Map.entry("temperatures",
          Fhir.temperature("temp-" + i, 36.5 + random.nextInt(30) / 10.0, "Cel", ago(ofMinutes(random.nextInt(2000))))));
    }
    for (int i = random.nextInt(3); i > 0; i--) {
      // Whole hours apart at most: two counts may share a moment, which the lower one then wins.
      records.add(Map.entry("plateletCounts",
          Fhir.plateletCount("plt-" + i, 5 + random.nextInt(250), "10*3/uL", ago(ofHours(random.nextInt(3))))));
    }
    if (random.nextBoolean()) {
      records.add(Map.entry("medicationStatements", Fhir.medicationStatement("medst-1", "active",
          Fhir.concept(Fhir.RXNORM, random.nextBoolean() ? "11289" : "8640", null), ago(ofDays(20)))));
    }
    if (random.nextInt(3) == 0) {
      records.add(Map.entry("cbcOrders", Fhir.cbcOrder("sr-1", "active", ago(ofHours(random.nextInt(30))))));
    }
    return records;
  }

  /** A record that, were it counted, would change the answer: a red flag, a critical count, a blood thinner. */
  static Map.Entry<String, ObjectNode> enteredInError(Random random) {
    String status = "entered-in-error";
    return switch (random.nextInt(7)) {
      case 0 -> Map.entry("skinFindings",
          Fhir.skinFinding("skin-x", "petechiae", ago(ofHours(1))).symptom("confusion").status(status).json());
      case 1 -> Map.entry("temperatures", Fhir.temperature("temp-x", 40.1, "Cel", ago(ofHours(1))).put("status", status));
      case 2 -> Map.entry("plateletCounts",
          Fhir.plateletCount("plt-x", 4, "10*3/uL", ago(ofMinutes(1))).put("status", status));
      case 3 -> Map.entry("conditions",
          Fhir.verificationStatus(Fhir.condition("c-x", "R50.9", "active", ago(ofHours(2))), status));
      case 4 -> Map.entry("medicationStatements",
          Fhir.medicationStatement("medst-x", status, Fhir.concept(Fhir.RXNORM, "1364430", null), ago(ofDays(3))));
      case 5 -> Map.entry("medicationRequests",
          Fhir.medicationRequest("mr-x", status, Fhir.concept(Fhir.RXNORM, "1364430", null)));
      default -> Map.entry("cbcOrders", Fhir.cbcOrder("sr-x", status, ago(ofHours(1))));
    };
  }

  /** {@link #records} and {@link #history}, some of them shaped as EHRs really send them ({@link #messily}). */
  static List<Map.Entry<String, ObjectNode>> withHistory(Random random) {
    List<Map.Entry<String, ObjectNode>> records = new ArrayList<>(records(random));
    records.addAll(history(random));
    records.forEach(record -> {
      if (random.nextInt(4) == 0) {
        messily(random, record.getValue());
      }
    });
    return records;
  }

  /**
   * The shapes of contract section 5, now and then: a temperature without a unit or in kelvin, a count with a
   * comparator, implausible or as a panel's component, a value as text, a date without a time, a finding or
   * Condition known only by (negated) text, a component's value as text, a request not to give a medicine, a
   * stopped statement without an end date.
   */
  static ObjectNode messily(Random random, ObjectNode resource) {
    String type = resource.path("resourceType").asText();
    ObjectNode quantity = resource.path("valueQuantity") instanceof ObjectNode q ? q : null;
    switch (random.nextInt(6)) {
      case 0 -> {
        if (quantity != null) {
          quantity.remove("code");
          quantity.remove("unit");
          quantity.remove("system");
        }
      }
      case 1 -> {
        if (quantity != null) {
          quantity.put("comparator", pick(random, new String[] {"<", "<=", ">", ">="}));
        }
      }
      case 2 -> {
        if (quantity != null && random.nextBoolean()) {
          quantity.put("value", quantity.path("value").asDouble() * 1000);
        } else if (quantity != null) {
          // The value moves into a component of a panel: the Observation's own code no longer says what it is.
          resource.remove("valueQuantity");
          ObjectNode component = resource.putArray("component").addObject();
          component.set("code", resource.get("code"));
          component.set("valueQuantity", quantity);
          resource.set("code", Fhir.concept(Fhir.LOINC, "58410-2", "CBC panel"));
        }
      }
      case 3 -> {
        if (resource.has("effectiveDateTime")) {
          resource.put("effectiveDateTime", resource.get("effectiveDateTime").asText().substring(0, 10));
        } else if (type.equals("MedicationStatement") && resource.has("effectivePeriod")) {
          ((ObjectNode) resource.get("effectivePeriod")).remove("end");
        }
      }
      case 4 -> {
        if (type.equals("Condition") || type.equals("Observation") && !resource.has("valueQuantity")) {
          resource.set("code", Fhir.text(pick(random, FREE_TEXTS)));
        } else if (type.equals("MedicationRequest")) {
          resource.put("doNotPerform", true);
        }
      }
      default -> {
        if (resource.path("component") instanceof ArrayNode components && !components.isEmpty()) {
          ObjectNode component = (ObjectNode) components.get(random.nextInt(components.size()));
          component.remove("valueCodeableConcept");
          component.remove("valueBoolean");
          component.put("valueString", pick(random, FREE_TEXTS));
        } else if (quantity != null) {
          resource.remove("valueQuantity");
          resource.put("valueString", quantity.path("value").asText());
        }
      }
    }
    return resource;
  }

  /**
   * What a long record adds around {@link #records}: vitals and counts over weeks (ties, odd units and statuses,
   * dates by {@code issued}, date-only and offset dates), old findings with red flags, conditions, past medicines
   * with included or contained Medications, old orders, types Pinpoint does not read, entries dated or named only
   * by their Bundle entry. Most of it is older than a look-back; all of it is read by the diagnostics and chosen
   * from by a hook call.
   */
  static List<Map.Entry<String, ObjectNode>> history(Random random) {
    List<Map.Entry<String, ObjectNode>> history = new ArrayList<>();
    for (int i = random.nextInt(30); i > 0; i--) {
      ObjectNode temperature = Fhir.temperature("old-temp-" + i, 36 + random.nextInt(50) / 10.0,
          random.nextInt(6) == 0 ? "[degF]" : "Cel", ago(ofHours(random.nextInt(24 * 20))));
      history.add(Map.entry("temperatures", oddly(random, temperature)));
    }
    for (int i = random.nextInt(30); i > 0; i--) {
      // Whole hours, so that counts share moments and the lower one must win.
      ObjectNode count = random.nextInt(8) == 0
          ? Fhir.plateletCountWithDisplayUnit("old-plt-" + i, 5 + random.nextInt(300), pick(random, new String[] {"K/uL", "x10E3/uL", "cells"}), ago(ofHours(random.nextInt(24 * 60))))
          : Fhir.plateletCount("old-plt-" + i, 5 + random.nextInt(300), pick(random, new String[] {"10*3/uL", "10*9/L", "/uL"}), ago(ofHours(random.nextInt(24 * 60))));
      if (random.nextInt(10) == 0) {
        ((ObjectNode) count.get("valueQuantity")).remove("value");
      }
      history.add(Map.entry("plateletCounts", oddly(random, count)));
    }
    for (int i = random.nextInt(4); i > 0; i--) {
      history.add(Map.entry("skinFindings", Fhir.skinFinding("old-skin-" + i, pick(random, FINDINGS), ago(ofDays(10 + random.nextInt(300))))
          .symptom(pick(random, SYMPTOMS)).mucosal("mouth").json()));
    }
    for (int i = random.nextInt(5); i > 0; i--) {
      ObjectNode condition = Fhir.condition("cond-" + i, pick(random, new String[] {"R50.9", "R23.3", "D69.6", "I10"}),
          random.nextInt(4) == 0 ? "resolved" : "active", ago(ofHours(random.nextInt(24 * 30))));
      if (random.nextBoolean()) {
        condition.put("onsetDateTime", ago(ofHours(random.nextInt(24 * 40))).toString());
      }
      history.add(Map.entry("conditions", condition));
    }
    String[][] drugs = {{"11289", "warfarin"}, {"1191", "aspirin"}, {"32968", "clopidogrel"}, {"5224", "heparin"},
        {"8640", "prednisone"}, {"6809", "metformin"}};
    for (int i = random.nextInt(6); i > 0; i--) {
      String[] drug = drugs[random.nextInt(drugs.length)];
      String status = pick(random, new String[] {"completed", "stopped", "active", "entered-in-error", "on-hold", "intended"});
      ObjectNode statement = Fhir.medicationStatement("past-med-" + i, status, Fhir.concept(Fhir.RXNORM, drug[0], drug[1]),
          ago(ofDays(30 + random.nextInt(200))));
      Fhir.endedAt(statement, ago(ofDays(random.nextInt(150))));
      switch (random.nextInt(4)) {
        case 0 -> {
          Fhir.referencing(statement, "Medication/drug-" + i);
          history.add(Map.entry("medicationStatements", Fhir.medication("drug-" + i, Fhir.concept(Fhir.RXNORM, drug[0], drug[1]), null)));
        }
        case 1 -> Fhir.containing(statement, Fhir.medication("c" + i, Fhir.concept(Fhir.RXNORM, drug[0], drug[1]), null));
        default -> { }
      }
      history.add(Map.entry("medicationStatements", statement));
    }
    for (int i = random.nextInt(3); i > 0; i--) {
      history.add(Map.entry("medicationRequests", Fhir.medicationRequest("past-rq-" + i,
          pick(random, new String[] {"active", "on-hold", "completed", "cancelled", "draft"}), Fhir.concept(Fhir.RXNORM, "1191", "aspirin"))));
    }
    for (int i = random.nextInt(4); i > 0; i--) {
      history.add(Map.entry("cbcOrders", Fhir.cbcOrder("old-cbc-" + i, pick(random, new String[] {"active", "completed", "revoked"}),
          ago(ofHours(random.nextInt(72))))));
    }
    if (random.nextInt(3) == 0) {
      history.add(Map.entry("conditions", Fhir.resource("Encounter", "enc-1").put("status", "finished")));
    }
    return history;
  }

  /**
   * Now and then, the elements an EHR sends with a resource and nothing in Pinpoint reads ({@link HookCallTree#UNREAD}):
   * its meta, identifiers and narrative, and for a clinical resource its subject and a note. Valid FHIR, so that
   * HAPI's parser reads them all.
   */
  static ObjectNode asEhrSends(Random random, ObjectNode resource) {
    if (random.nextBoolean()) {
      return resource;
    }
    resource.putObject("meta").put("versionId", String.valueOf(1 + random.nextInt(9)))
        .put("lastUpdated", ago(ofHours(random.nextInt(2_000))).toString());
    resource.putArray("identifier").addObject().put("system", "https://ehr.example.org/ids").put("value", "id-" + random.nextInt());
    if (random.nextBoolean()) {
      resource.putObject("text").put("status", "generated")
          .put("div", "<div xmlns=\"http://www.w3.org/1999/xhtml\">as the EHR shows it</div>");
    }
    if (!Set.of("Patient", "Medication").contains(resource.path("resourceType").asText())) {
      resource.putObject("subject").put("reference", "Patient/" + HookRequest.PATIENT_ID);
      resource.putArray("note").addObject().put("text", "entered by the night team");
    }
    return resource;
  }

  /** One Observation sent twice, recent under one key and old or recent under another: the first one sent is read. */
  static List<Map.Entry<String, ObjectNode>> sentTwice(Random random) {
    Instant first = ago(ofHours(random.nextInt(2) == 0 ? 2 : 24 * 30));
    return List.of(
        Map.entry("skinFindings", Fhir.skinFinding("twice", "petechiae", first).symptom("confusion").json()),
        Map.entry("temperatures", Fhir.skinFinding("twice", "petechiae", ago(ofHours(1))).symptom("fever").json()));
  }

  /** A record that adds a red flag or warning sign of contract section 4, dated now. */
  static Map.Entry<String, ObjectNode> redFlag(Random random) {
    return switch (random.nextInt(6)) {
      case 0 -> Map.entry("temperatures", Fhir.temperature("fever-now", 38 + random.nextInt(30) / 10.0, "Cel", ago(ofMinutes(30))));
      case 1 -> Map.entry("plateletCounts", Fhir.plateletCount("critical-now", random.nextInt(20), "10*3/uL", ago(ofMinutes(0))));
      case 2 -> Map.entry("conditions", Fhir.condition("fever-dx", "R50.9", "active", ago(ofHours(3))));
      case 3 -> Map.entry("skinFindings", Fhir.skinFinding("flag-now", "petechiae", ago(ofHours(1)))
          .symptom(pick(random, new String[] {"confusion", "neck-stiffness", "gum-bleeding", "nosebleed"})).json());
      case 4 -> Map.entry("skinFindings", Fhir.skinFinding("flag-now", "petechiae", ago(ofHours(1))).mucosal("conjunctiva").json());
      default -> Map.entry("medicationRequests", Fhir.medicationRequest("anticoagulant-now", "active",
          Fhir.concept(Fhir.RXNORM, "1364430", "apixaban")));
    };
  }

  /** Now and then, the ways EHRs date and name an Observation: by issued, by date only, in a time zone, unnamed, by status. */
  private static ObjectNode oddly(Random random, ObjectNode observation) {
    String at = observation.get("effectiveDateTime").asText();
    switch (random.nextInt(12)) {
      case 0 -> observation.put("issued", at).remove("effectiveDateTime");
      case 1 -> observation.put("effectiveDateTime", at.substring(0, 10));
      case 2 -> observation.put("effectiveDateTime",
          DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.parse(at).withOffsetSameInstant(ZoneOffset.ofHours(5))));
      case 3 -> observation.remove("id");
      case 4 -> observation.put("status", pick(random, new String[] {"preliminary", "entered-in-error", "cancelled", "registered"}));
      case 5 -> observation.putObject("_status").putArray("extension").addObject()
          .put("url", "https://ehr.example.org/status-note").put("valueString", "verified twice");
      case 6 -> observation.remove("effectiveDateTime");
      default -> { }
    }
    return observation;
  }

  static String pick(Random random, String[] values) {
    return values[random.nextInt(values.length)];
  }
}
