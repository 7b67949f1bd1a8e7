package org.pinpointcds.protocol;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's own error report, for what it refuses before any servlet runs (a request line or headers too large, a
 * malformed request): an OperationOutcome instead of Tomcat's HTML page, with no server version and no stack trace.
 * Public, with no arguments: Tomcat's host makes it from its class name.
 */
public final class OperationOutcomeErrorReport extends ErrorReportValve {

  private static final OperationOutcomes OUTCOMES = new OperationOutcomes(FhirContext.forR4Cached());

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    HttpStatus status = HttpStatus.resolve(response.getStatus());
    if (status == null || !status.isError() || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    String body = OUTCOMES.of(status, status.is5xxServerError() ? IssueType.EXCEPTION : IssueType.INVALID,
        status.value() + " " + status.getReasonPhrase()).getBody();
    try {
      response.setContentType("application/json");
      response.setCharacterEncoding("UTF-8");
      Writer writer = response.getReporter();
      if (writer != null) {
        writer.write(body);
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException e) {
      // the client has gone, or the answer was committed: nothing more to report
    }
  }
}
