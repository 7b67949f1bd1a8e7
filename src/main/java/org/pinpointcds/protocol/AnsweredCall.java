package org.pinpointcds.protocol;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;

/**
 * For the filters that observe calls (the audit trail, the metrics): runs the rest of the chain, then, once the call
 * is answered, tells the observer the status answered and how long the answer took, also when the chain failed (then
 * the status is 500).
 */
public final class AnsweredCall {

  private AnsweredCall() {}

  /** What an observer learns once a call is answered. */
  @FunctionalInterface
  public interface Observer {

    void answered(int status, long nanos);
  }

  public static void proceed(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
      Observer observer) throws ServletException, IOException {
    long started = System.nanoTime();
    try {
      chain.doFilter(request, response);
    } catch (Throwable failure) {
      observer.answered(HttpStatus.INTERNAL_SERVER_ERROR.value(), System.nanoTime() - started);
      throw failure;
    }
    afterAnswer(request, () -> observer.answered(response.getStatus(), System.nanoTime() - started));
  }

  /**
   * Runs {@code action} once the call is answered: now, or, when the chain left the call to be answered
   * asynchronously (it waits for a FHIR server), once that answer is complete, whether written, failed or timed out.
   */
  public static void afterAnswer(HttpServletRequest request, Runnable action) {
    if (!request.isAsyncStarted()) {
      action.run();
      return;
    }
    request.getAsyncContext().addListener(new AsyncListener() {
      @Override
      public void onComplete(AsyncEvent event) {
        action.run();
      }

      @Override
      public void onTimeout(AsyncEvent event) {}

      @Override
      public void onError(AsyncEvent event) {}

      /** The call went asynchronous again (its body was read, now it waits for a FHIR server): keep listening. */
      @Override
      public void onStartAsync(AsyncEvent event) {
        event.getAsyncContext().addListener(this);
      }
    });
  }
}
