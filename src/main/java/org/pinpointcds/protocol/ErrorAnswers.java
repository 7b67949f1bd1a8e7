package org.pinpointcds.protocol;

import ca.uhn.fhir.context.FhirContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.pinpointcds.data.InvalidPrefetchException;
import org.pinpointcds.data.RequiredDataUnavailableException;
import org.pinpointcds.data.RequiredDataUnavailableException.Cause;
import org.pinpointcds.storage.DatabaseOutage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Maps every failure to a status and an OperationOutcome that says what is wrong: 400 malformed, 403 refused, 404
 * unknown, 405 wrong method, 413 more than one call may carry, 406 an Accept that cannot be met, 415 wrong content
 * type, 412 data unobtainable, 503 the database unreachable. Never a stack trace; an unexpected failure is a 500
 * whose detail stays in the log.
 */
@RestControllerAdvice
class ErrorAnswers {

  private static final Logger log = LoggerFactory.getLogger(ErrorAnswers.class);

  private final OperationOutcomes outcomes;

  ErrorAnswers(FhirContext fhirContext) {
    this.outcomes = new OperationOutcomes(fhirContext);
  }

  @ExceptionHandler(ProtocolException.class)
  ResponseEntity<String> protocol(ProtocolException e) {
    IssueType type = switch (e.status()) {
      case NOT_FOUND -> IssueType.NOTFOUND;
      case FORBIDDEN -> IssueType.FORBIDDEN;
      case PAYLOAD_TOO_LARGE -> IssueType.TOOCOSTLY;
      default -> IssueType.INVALID;
    };
    return outcomes.of(e.status(), type, e.getMessage());
  }

  @ExceptionHandler(InvalidPrefetchException.class)
  ResponseEntity<String> invalidPrefetch(InvalidPrefetchException e) {
    return outcomes.of(HttpStatus.BAD_REQUEST, IssueType.INVALID, e.getMessage());
  }

  /** CDS Hooks 2.0: required data that can be neither found in prefetch nor fetched is a 412. */
  @ExceptionHandler(RequiredDataUnavailableException.class)
  ResponseEntity<String> unavailable(RequiredDataUnavailableException e, HttpServletRequest request) {
    Set<String> causes = e.causes().stream().map(Cause::code).collect(Collectors.toCollection(LinkedHashSet::new));
    HookCallFacts.attachUnavailable(request, causes);
    log.info("412 ({}): {}", String.join(", ", causes), e.getMessage());
    return outcomes.preconditionFailed(e.getMessage(), e.reasonsByKey());
  }

  /** Feedback and the report while the database cannot be reached: a 503 to retry, not a failure of Pinpoint's. */
  @ExceptionHandler(DataAccessException.class)
  ResponseEntity<String> database(DataAccessException e) {
    return DatabaseOutage.is(e) ? DatabaseUnavailableFilter.answer(outcomes, e) : unexpected(e);
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<String> mediaType(HttpMediaTypeNotSupportedException e) {
    return outcomes.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, IssueType.NOTSUPPORTED,
        "Content-Type must be application/json, got " + (e.getContentType() == null ? "none" : e.getContentType()));
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<String> method(HttpRequestMethodNotSupportedException e) {
    return outcomes.of(HttpStatus.METHOD_NOT_ALLOWED, IssueType.NOTSUPPORTED,
        "method " + e.getMethod() + " is not supported here; use " + e.getSupportedHttpMethods());
  }

  @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
  ResponseEntity<String> notFound(Exception e) {
    return outcomes.of(HttpStatus.NOT_FOUND, IssueType.NOTFOUND,
        "no such endpoint; CDS services are listed at GET /cds-services");
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<String> unreadable(HttpMessageNotReadableException e) {
    return outcomes.of(HttpStatus.BAD_REQUEST, IssueType.INVALID, "the request body cannot be read");
  }

  /**
   * Anything else is unexpected, except Spring MVC's other refusals of a request (a required query parameter
   * missing, a header it cannot bind, an Accept it cannot meet): they carry their own 4xx status and say what is
   * wrong, and are answered so.
   */
  @ExceptionHandler(Exception.class)
  ResponseEntity<String> unexpected(Exception e) {
    if (e instanceof ErrorResponse refusal && refusal.getStatusCode().is4xxClientError()) {
      String detail = refusal.getBody().getDetail();
      HttpStatus status = HttpStatus.valueOf(refusal.getStatusCode().value());
      return outcomes.of(status, IssueType.INVALID, detail != null ? detail : status.getReasonPhrase());
    }
    log.error("unexpected failure", e);
    return outcomes.of(HttpStatus.INTERNAL_SERVER_ERROR, IssueType.EXCEPTION,
        "Pinpoint could not process this request; the failure is logged");
  }
}
