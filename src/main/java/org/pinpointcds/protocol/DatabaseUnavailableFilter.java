package org.pinpointcds.protocol;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.pinpointcds.storage.DatabaseOutage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A call that needs the database while it cannot be reached (the shared jti store, feedback, the report) is a 503
 * with {@code Retry-After} and an OperationOutcome, not a 500: the client may retry once the database is back, and
 * a feedback client knows its items were not stored. This filter answers for the failures of the filters inside
 * it (authentication's jti store); {@link ErrorAnswers} answers for the controllers' with {@link #answer}.
 */
final class DatabaseUnavailableFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);
  /** Long enough for a database restart or failover to be under way, short enough for a clinician's retry. */
  private static final String RETRY_AFTER_SECONDS = "10";
  private static final int LOG_EVERY = 100;
  private static final AtomicLong answered = new AtomicLong();

  private final OperationOutcomes outcomes;

  DatabaseUnavailableFilter(OperationOutcomes outcomes) {
    this.outcomes = outcomes;
  }

  /** The 503 for a call that failed because the database cannot be reached; the first and every hundredth logged. */
  static ResponseEntity<String> answer(OperationOutcomes outcomes, Throwable failure) {
    long count = answered.incrementAndGet();
    if (count % LOG_EVERY == 1) {
      log.warn("503: the database cannot be reached ({}); {} call(s) refused so far since start-up",
          failure.getClass().getSimpleName(), count);
    }
    ResponseEntity<String> outcome = outcomes.of(HttpStatus.SERVICE_UNAVAILABLE, IssueType.TRANSIENT,
        "Pinpoint cannot reach its database, so this call was not processed (feedback is not stored); retry later");
    return ResponseEntity.status(outcome.getStatusCode()).headers(outcome.getHeaders())
        .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).body(outcome.getBody());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (RuntimeException | ServletException e) {
      if (!DatabaseOutage.is(e) || response.isCommitted()) {
        throw e;
      }
      response.resetBuffer();
      ResponseEntity<String> answer = answer(outcomes, e);
      response.setStatus(answer.getStatusCode().value());
      answer.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
      response.getOutputStream().write(answer.getBody().getBytes(StandardCharsets.UTF_8));
    }
  }
}
