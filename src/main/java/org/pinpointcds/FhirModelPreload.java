package org.pinpointcds;

import ca.uhn.fhir.context.FhirContext;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scans HAPI's R4 model, and loads its JSON parser, on a second core while Spring starts. Done in line, the scan
 * waits for the terminology bean, after the database and Flyway, and is the largest part of the time to first
 * answer; in parallel it is mostly hidden. It fills the cached context that {@code PinpointConfiguration} hands
 * out (HAPI scans under its own lock, so the two never scan the same type twice). A failure here only loses the
 * head start.
 */
final class FhirModelPreload {

  private static final Logger log = LoggerFactory.getLogger(FhirModelPreload.class);
  /** What start-up parses (terminology) and what a call reads and answers. */
  private static final List<String> TYPES = List.of("ValueSet", "CodeSystem", "ConceptMap", "StructureDefinition",
      "Bundle", "Patient", "Observation", "Condition", "MedicationStatement", "MedicationRequest", "Medication",
      "ServiceRequest", "OperationOutcome");

  private FhirModelPreload() {}

  static void start() {
    Thread thread = new Thread(FhirModelPreload::scan, "pinpoint-fhir-preload");
    thread.setDaemon(true);
    thread.start();
  }

  private static void scan() {
    try {
      FhirContext context = FhirContext.forR4Cached();
      TYPES.forEach(context::getResourceDefinition);
      context.newJsonParser().parseResource("{\"resourceType\": \"ValueSet\", \"status\": \"active\"}");
    } catch (RuntimeException e) {
      log.debug("FHIR model preload failed; the model is scanned when first used", e);
    }
  }
}
