package org.pinpointcds.protocol;

import ca.uhn.fhir.context.FhirContext;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Error answers as FHIR OperationOutcome JSON (CDS Hooks 3.0 ballot, Returning OperationOutcome). */
public final class OperationOutcomes {

  private final FhirContext fhirContext;

  public OperationOutcomes(FhirContext fhirContext) {
    this.fhirContext = fhirContext;
  }

  public ResponseEntity<String> of(HttpStatus status, IssueType type, String diagnostics) {
    OperationOutcome outcome = new OperationOutcome();
    outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(type).setDiagnostics(diagnostics);
    return respond(status, outcome);
  }

  /** Writes the answer of {@link #of} straight to a response, for filters that answer before any controller runs. */
  void write(HttpServletResponse response, HttpStatus status, IssueType type, String diagnostics) throws IOException {
    ResponseEntity<String> answer = of(status, type, diagnostics);
    response.setStatus(status.value());
    response.setContentType(String.valueOf(answer.getHeaders().getContentType()));
    response.getOutputStream().write(answer.getBody().getBytes(StandardCharsets.UTF_8));
  }

  /** A 412: one issue for each prefetch key that could not be obtained, naming the key in {@code expression}. */
  ResponseEntity<String> preconditionFailed(String summary, Map<String, String> reasonsByKey) {
    OperationOutcome outcome = new OperationOutcome();
    reasonsByKey.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> outcome.addIssue()
        .setSeverity(OperationOutcome.IssueSeverity.ERROR)
        .setCode(IssueType.PROCESSING)
        .setDiagnostics("prefetch key '" + e.getKey() + "': " + e.getValue())
        .addExpression("prefetch." + e.getKey()));
    outcome.getIssueFirstRep().getDetails().setText(summary);
    return respond(HttpStatus.PRECONDITION_FAILED, outcome);
  }

  private ResponseEntity<String> respond(HttpStatus status, OperationOutcome outcome) {
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_JSON)
        .body(fhirContext.newJsonParser().encodeResourceToString(outcome));
  }
}
