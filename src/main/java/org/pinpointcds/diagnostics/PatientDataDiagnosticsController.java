package org.pinpointcds.diagnostics;

import org.pinpointcds.protocol.CdsRequestParser;
import org.pinpointcds.protocol.PetechiaeTriageHandler;
import org.pinpointcds.protocol.ProtocolException;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.pinpointcds.data.FhirJson;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /diagnostics/patient-data}: for integration teams, what Pinpoint reads from a patient's data
 * and what it ignores, and why. The body is a CDS Hooks request with prefetch, or a FHIR resource or Bundle
 * (then {@code patientId} names the patient unless the data holds a Patient). {@code asOf} (an instant)
 * moves "now" for the look-backs. On in the embedded defaults, off in the {@code production} profile
 * ({@code pinpoint.diagnostics.enabled}); when off the path is a 404.
 */
@RestController
@ConditionalOnProperty(name = PatientDataDiagnosticsController.ENABLED, havingValue = "true", matchIfMissing = true)
public class PatientDataDiagnosticsController {

  public static final String ENABLED = "pinpoint.diagnostics.enabled";
  public static final String PATH = "/diagnostics/patient-data";

  private final PatientDataDiagnostics diagnostics;
  private final CdsRequestParser parser;
  private final FhirContext fhirContext;
  private final Clock clock;

  public PatientDataDiagnosticsController(
      PatientDataDiagnostics diagnostics, ObjectMapper mapper, FhirContext fhirContext, Clock clock) {
    this.diagnostics = diagnostics;
    this.parser = new CdsRequestParser(mapper);
    this.fhirContext = fhirContext;
    this.clock = clock;
  }

  @PostMapping(path = PATH, consumes = {MediaType.APPLICATION_JSON_VALUE, "application/fhir+json", "application/*+json"})
  public PatientDataReport diagnose(@RequestBody(required = false) byte[] body,
      @RequestParam Optional<String> patientId, @RequestParam Optional<String> asOf) {
    Instant now = asOf.map(PatientDataDiagnosticsController::instant).orElseGet(clock::instant);
    JsonNode json = parser.readObject(body);
    if (json.has("hook")) {
      return diagnostics.diagnose(PetechiaeTriageHandler.dataRequest(parser.parse(json)), now);
    }
    if (!json.path("resourceType").isTextual()) {
      throw ProtocolException.badRequest("the body must be a CDS Hooks request (with 'hook') or a FHIR resource or Bundle");
    }
    IBaseResource data;
    try {
      data = FhirJson.parse(fhirContext, json.toString());
    } catch (DataFormatException e) {
      throw ProtocolException.badRequest("the body is not valid FHIR R4 JSON: " + e.getMessage());
    }
    String patient = patientId.or(() -> patientIn(data)).orElseThrow(() -> ProtocolException.badRequest(
        "the data holds no Patient: name the patient with ?patientId="));
    return diagnostics.diagnose(patient, data, now);
  }

  private static Optional<String> patientIn(IBaseResource data) {
    if (data instanceof Patient patient) {
      return Optional.ofNullable(patient.getIdElement().getIdPart());
    }
    if (data instanceof Bundle bundle) {
      return bundle.getEntry().stream()
          .filter(e -> e.getResource() instanceof Patient && e.getResource().getIdElement().hasIdPart())
          .map(e -> e.getResource().getIdElement().getIdPart())
          .findFirst();
    }
    return Optional.empty();
  }

  private static Instant instant(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw ProtocolException.badRequest("'asOf' must be an instant such as 2026-11-20T09:00:00Z");
    }
  }
}
