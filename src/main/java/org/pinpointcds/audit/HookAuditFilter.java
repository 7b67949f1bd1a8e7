package org.pinpointcds.audit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.pinpointcds.protocol.AnsweredCall;
import org.pinpointcds.protocol.CallingClient;
import org.pinpointcds.protocol.HookCallFacts;
import org.pinpointcds.storage.BatchWriter;
import org.pinpointcds.storage.StorableText;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Audits every hook call ({@code POST /cds-services/{id}}), refused ones included: it wraps authentication, so
 * latency is what the EHR waited. The row is queued, never written on the request thread. The caller's ids are
 * stored with their control characters escaped: a NUL in a patient id must not cost the call its audit row.
 */
final class HookAuditFilter extends OncePerRequestFilter {

  private final BatchWriter<HookCallAudit> trail;
  private final Clock clock;

  HookAuditFilter(BatchWriter<HookCallAudit> trail, Clock clock) {
    this.trail = trail;
    this.clock = clock;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !HookCallFacts.isHookCall(request);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Instant calledAt = clock.instant();
    AnsweredCall.proceed(request, response, chain, (status, nanos) -> {
      Optional<HookCallFacts> facts = HookCallFacts.of(request);
      trail.offer(new HookCallAudit(calledAt, CallingClient.of(request).id(),
          StorableText.escaped(HookCallFacts.serviceCalled(request).orElseThrow()),
          facts.map(HookCallFacts::hookInstance).map(StorableText::escaped).orElse(null),
          facts.map(HookCallFacts::patientId).map(StorableText::escaped).orElse(null),
          HookCallFacts.outcome(request, status), TimeUnit.NANOSECONDS.toMillis(nanos)));
    });
  }
}
