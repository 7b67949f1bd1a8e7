package org.pinpointcds.protocol;

import ca.uhn.fhir.context.FhirContext;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The container's error page ({@code /error}, in place of Spring Boot's BasicErrorController): what Tomcat or a
 * filter refused with {@code sendError} is answered with an OperationOutcome, like every other error. Called
 * directly, {@code /error} is no endpoint: a 404.
 */
@RestController
class ContainerErrorController implements ErrorController {

  private final OperationOutcomes outcomes;

  ContainerErrorController(FhirContext fhirContext) {
    this.outcomes = new OperationOutcomes(fhirContext);
  }

  @RequestMapping("${server.error.path:/error}")
  ResponseEntity<String> error(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
    if (status == null || !status.isError()) {
      return outcomes.of(HttpStatus.NOT_FOUND, IssueType.NOTFOUND,
          "no such endpoint; CDS services are listed at GET /cds-services");
    }
    return outcomes.of(status, status.is5xxServerError() ? IssueType.EXCEPTION : IssueType.INVALID,
        status.value() + " " + status.getReasonPhrase());
  }
}
