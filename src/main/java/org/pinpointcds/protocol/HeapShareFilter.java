package org.pinpointcds.protocol;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Admits a call that reads its body into memory only while the memory it needs is free in a share of the heap.
 * A body of n bytes holds about {@value #EXPANSION} n while it is read: the bytes, and the JSON tree of them (a
 * long stay of 1.1 MB is a tree of 7.8 MB). Without a bound, 16 long stays at once fill a 256 MB heap and the
 * JVM does little but collect garbage; with it, the calls beyond the share wait their turn, first come first
 * served, which on a machine of a few cores costs no throughput. A call still waiting after {@code patience} is
 * answered 503 with an OperationOutcome: the EHR may retry.
 */
final class HeapShareFilter extends OncePerRequestFilter {

  /** Bytes held in memory per byte of body, measured on the long-stay chart (1 + 7 for the tree, rounded up). */
  static final int EXPANSION = 10;
  /** A body of unknown length (chunked) is taken to be this large. */
  private static final long UNKNOWN_LENGTH = 1 << 20;

  private final Semaphore kilobytes;
  private final int shareKilobytes;
  private final Duration patience;
  private final OperationOutcomes outcomes;

  /** @param shareBytes the heap this filter hands out to calls in flight */
  HeapShareFilter(long shareBytes, Duration patience, OperationOutcomes outcomes) {
    this.shareKilobytes = (int) Math.min(Integer.MAX_VALUE, shareBytes / 1024);
    this.kilobytes = new Semaphore(shareKilobytes, true);
    this.patience = patience;
    this.outcomes = outcomes;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !HttpMethod.POST.matches(request.getMethod());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long length = request.getContentLengthLong() < 0 ? UNKNOWN_LENGTH : request.getContentLengthLong();
    // A body larger than the whole share runs alone.
    int cost = (int) Math.max(1, Math.min(shareKilobytes, length * EXPANSION / 1024));
    boolean admitted;
    try {
      admitted = kilobytes.tryAcquire(cost, patience.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      admitted = false;
    }
    if (!admitted) {
      busy(response);
      return;
    }
    try {
      chain.doFilter(request, response);
    } finally {
      // A call answered asynchronously holds its tree until the FHIR server has answered and the cards are written.
      AnsweredCall.afterAnswer(request, () -> kilobytes.release(cost));
    }
  }

  private void busy(HttpServletResponse response) throws IOException {
    ResponseEntity<String> answer = outcomes.of(HttpStatus.SERVICE_UNAVAILABLE, IssueType.TRANSIENT,
        "Pinpoint is reading other calls' data; retry in a moment");
    response.setStatus(answer.getStatusCode().value());
    response.setContentType(String.valueOf(answer.getHeaders().getContentType()));
    response.getOutputStream().write(answer.getBody().getBytes(StandardCharsets.UTF_8));
  }
}
