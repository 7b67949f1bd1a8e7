package org.pinpointcds.protocol;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The hook instance is the correlation id of a service call: every log line written while the call is answered,
 * the error answers' included, carries it as MDC {@code hookInstance} (a field of its own in the JSON logs). The
 * controller names it once the body is read; this filter forgets it when the call ends, so that a pooled thread
 * never lends it to the next call. Only the hook instance: the patient id and everything clinical stay out of logs.
 */
@Component
final class HookInstanceLogging extends OncePerRequestFilter {

  static final String MDC_KEY = "hookInstance";
  /** CDS Hooks sends a UUID; anything else a client sends is not copied into every log line. */
  private static final Pattern LOGGABLE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  static void tag(String hookInstance) {
    MDC.put(MDC_KEY, LOGGABLE.matcher(hookInstance).matches() ? hookInstance : "unloggable");
  }

  /** The answer of a call that waited for a FHIR server is written on another thread: it is tagged there too. */
  @Override
  protected boolean shouldNotFilterAsyncDispatch() {
    return false;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HookCallFacts.of(request).ifPresent(facts -> tag(facts.hookInstance()));
    try {
      chain.doFilter(request, response);
    } finally {
      MDC.remove(MDC_KEY);
    }
  }
}
