package org.pinpointcds.protocol;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;

/**
 * For the filters that observe calls (the audit trail, the metrics): runs the rest of the chain, then tells the
 * observer the status answered and how long the answer took, also when the chain failed (then the status is 500).
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
    int status = HttpStatus.INTERNAL_SERVER_ERROR.value();
    try {
      chain.doFilter(request, response);
      status = response.getStatus();
    } finally {
      observer.answered(status, System.nanoTime() - started);
    }
  }
}
