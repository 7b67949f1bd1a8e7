package org.pinpointcds.protocol;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.pinpointcds.config.RequestProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads a POST's body before any controller sees it, bounded three ways: a declared Content-Length above {@code
 * pinpoint.requests.max-body-size} is a 413 before a byte is read, and so is a body that grows beyond it (chunked or
 * longer than declared); a body not whole within {@code pinpoint.requests.body-timeout} is a 408; and the bytes
 * received are charged to the {@link HeapShare} as they arrive, the whole body's tree once it is read. On Tomcat's
 * connector the request's thread reads what has already arrived, without waiting; a body that has arrived whole (as
 * nearly every call's has) goes straight on. The rest of a body still arriving is read asynchronously (Servlet
 * non-blocking IO): while a sender trickles, no request thread waits for it, and once the body is whole the request is
 * dispatched again. The rest of the chain reads the body from memory.
 */
final class RequestBodyFilter extends OncePerRequestFilter {

  private static final String RECEIVED = RequestBodyFilter.class.getName() + ".received";

  private final RequestProperties limits;
  private final HeapShare share;
  private final Duration patience;
  private final OperationOutcomes outcomes;

  /** @param patience how long a whole body may wait for its share of the heap before a 503 */
  RequestBodyFilter(RequestProperties limits, HeapShare share, Duration patience, OperationOutcomes outcomes) {
    this.limits = limits;
    this.share = share;
    this.patience = patience;
    this.outcomes = outcomes;
  }

  /** A body read whole, with the share it holds. */
  private record Received(byte[] body, HeapShare.Charge charge) {}

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !HttpMethod.POST.matches(request.getMethod());
  }

  /** The dispatch after the body is read continues the call here. */
  @Override
  protected boolean shouldNotFilterAsyncDispatch() {
    return false;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getDispatcherType() == DispatcherType.ASYNC) {
      Received received = (Received) request.getAttribute(RECEIVED);
      request.removeAttribute(RECEIVED);
      if (received == null) {
        chain.doFilter(request, response); // the answer of a call that waited for a FHIR server
      } else {
        proceed(received, request, response, chain);
      }
      return;
    }
    long declared = request.getContentLengthLong();
    long maxBytes = limits.maxBodySize().toBytes();
    if (declared > maxBytes) {
      refuse(BodyReader.Refusal.TOO_LARGE, response, UnreadBody.of(request));
      return;
    }
    HeapShare.Charge charge = share.charge();
    UnreadBody connection = UnreadBody.of(request);
    BodyReader reader = new BodyReader(request.getInputStream(), declared, maxBytes, charge);
    BodyReader.Held here = new BodyReader.Held();
    if (connection == null) {
      reader.readAll(here);
    } else if (!reader.readArrived(connection, here)) {
      // Still arriving: the rest is read as it comes, holding no thread, and the whole body dispatched again.
      AsyncContext async = request.startAsync();
      async.setTimeout(limits.bodyTimeout().toMillis());
      AsyncBody exchange = new AsyncBody(async, response, charge, connection);
      async.addListener(exchange);
      reader.readRest(exchange);
      return;
    }
    if (here.body() != null) {
      proceed(new Received(here.body(), charge), request, response, chain);
    } else {
      charge.release();
      refuse(here.refusal(), response, connection);
    }
  }

  /** Admits the whole body's tree to the heap share (waiting for it, first come first served), then the chain. */
  private void proceed(Received received, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!received.charge().parsing(received.body().length, patience)) {
      received.charge().release();
      outcomes.write(response, HttpStatus.SERVICE_UNAVAILABLE, IssueType.TRANSIENT,
          "Pinpoint is reading other calls' data; retry in a moment");
      return;
    }
    try {
      chain.doFilter(new ReceivedBodyRequest(request, received.body()), response);
    } finally {
      // A call answered asynchronously holds its tree until the FHIR server has answered and the cards are written.
      AnsweredCall.afterAnswer(request, received.charge()::release);
    }
  }

  private void refuse(BodyReader.Refusal refusal, HttpServletResponse response, UnreadBody connection)
      throws IOException {
    response.setHeader(HttpHeaders.CONNECTION, "close");
    switch (refusal) {
      case TOO_LARGE -> outcomes.write(response, HttpStatus.PAYLOAD_TOO_LARGE, IssueType.TOOCOSTLY,
          "the request body is larger than " + readable(limits.maxBodySize()) + " (pinpoint.requests.max-body-size)");
      case SHARE_SPENT -> outcomes.write(response, HttpStatus.SERVICE_UNAVAILABLE, IssueType.TRANSIENT,
          "Pinpoint is reading other calls' data; retry in a moment");
      case UNREADABLE -> outcomes.write(response, HttpStatus.BAD_REQUEST, IssueType.INVALID,
          "the request body cannot be read");
    }
    if (connection != null) {
      response.flushBuffer();
      connection.abandon();
    }
  }

  /** 8 MB rather than DataSize's 8388608B. */
  private static String readable(DataSize size) {
    long bytes = size.toBytes();
    return bytes % DataSize.ofMegabytes(1).toBytes() == 0 ? size.toMegabytes() + " MB" : bytes + " bytes";
  }

  /**
   * One body read asynchronously: whole, it is dispatched to the chain; refused, or not whole within the body
   * timeout, it is answered at once, and the connection closes without reading the rest.
   */
  private final class AsyncBody implements BodyReader.Outcome, AsyncListener {

    private final AsyncContext async;
    private final HttpServletResponse response;
    private final HeapShare.Charge charge;
    private final UnreadBody connection;
    private final AtomicBoolean answered = new AtomicBoolean();

    AsyncBody(AsyncContext async, HttpServletResponse response, HeapShare.Charge charge, UnreadBody connection) {
      this.async = async;
      this.response = response;
      this.charge = charge;
      this.connection = connection;
    }

    @Override
    public void read(byte[] body) {
      if (answered.compareAndSet(false, true)) {
        async.getRequest().setAttribute(RECEIVED, new Received(body, charge));
        async.dispatch();
      }
    }

    @Override
    public void refused(BodyReader.Refusal refusal) {
      answer(() -> refuse(refusal, response, connection));
    }

    @Override
    public void onTimeout(AsyncEvent event) {
      answer(() -> {
        response.setHeader(HttpHeaders.CONNECTION, "close");
        outcomes.write(response, HttpStatus.REQUEST_TIMEOUT, IssueType.TIMEOUT, "the request body did not arrive"
            + " within " + limits.bodyTimeout().toSeconds() + " s (pinpoint.requests.body-timeout)");
        response.flushBuffer();
        connection.abandon();
      });
    }

    @Override
    public void onError(AsyncEvent event) {
      answer(() -> connection.abandon());
    }

    @Override
    public void onComplete(AsyncEvent event) {}

    @Override
    public void onStartAsync(AsyncEvent event) {}

    private void answer(Answer answer) {
      if (!answered.compareAndSet(false, true)) {
        return;
      }
      charge.release();
      try {
        answer.write();
      } catch (IOException e) {
        // the sender has gone; nothing to answer
      } finally {
        async.complete();
      }
    }
  }

  @FunctionalInterface
  private interface Answer {
    void write() throws IOException;
  }
}
