package org.pinpointcds.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.pinpointcds.config.ServiceCatalog;
import org.pinpointcds.config.ServiceDefinition;
import org.pinpointcds.protocol.AnsweredCall;
import org.pinpointcds.protocol.HookCallFacts;
import org.pinpointcds.security.RejectionReason;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts what the CDS endpoints answered, from what the protocol and security layers leave on the request: every
 * hook call with its latency (what the EHR waited, authentication included), the cards issued, the causes of each
 * 412, and every JWT refused. Nothing here reads a body or knows a rule.
 *
 * <p>Tags stay few: the service and hook come from the catalogue ({@code unknown} for a path that names no
 * service), so a client cannot grow the number of series by calling made-up paths.
 */
final class CallMetrics extends OncePerRequestFilter {

  static final String UNKNOWN = "unknown";

  private final ServiceCatalog catalog;
  private final TaggedMeters<Timer> calls;
  private final TaggedMeters<Counter> cards;
  private final TaggedMeters<Counter> unavailable;
  private final TaggedMeters<Counter> rejections;

  CallMetrics(ServiceCatalog catalog, MeterRegistry registry) {
    this.catalog = catalog;
    this.calls = new TaggedMeters<>(Timer.builder("pinpoint.hook.calls")
        .description("Hook calls answered, by service, hook and outcome (the most urgent card's topic, no-cards,"
            + " or the HTTP status of an error), with the time the EHR waited")
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1))
        .maximumExpectedValue(Duration.ofSeconds(10))
        .withRegistry(registry), "service", "hook", "outcome");
    this.cards = new TaggedMeters<>(Counter.builder("pinpoint.cards.issued")
        .description("Cards issued, by service, topic and indicator")
        .withRegistry(registry), "service", "topic", "indicator");
    this.unavailable = new TaggedMeters<>(Counter.builder("pinpoint.precondition.failures")
        .description("412 answers by cause (a 412 with several causes counts once under each)")
        .withRegistry(registry), "service", "cause");
    this.rejections = new TaggedMeters<>(Counter.builder("pinpoint.jwt.rejections")
        .description("Calls refused with 401, by why their JWT was refused")
        .withRegistry(registry), "reason");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    AnsweredCall.proceed(request, response, chain, (status, nanos) -> record(request, status, nanos));
  }

  private void record(HttpServletRequest request, int status, long nanos) {
    RejectionReason.of(request).ifPresent(reason -> rejections.tagged(reason.code()).increment());
    if (!HookCallFacts.isHookCall(request)) {
      return;
    }
    Optional<ServiceDefinition> definition = HookCallFacts.serviceCalled(request).flatMap(catalog::find);
    String service = definition.map(ServiceDefinition::id).orElse(UNKNOWN);
    String hook = definition.map(ServiceDefinition::hook).orElse(UNKNOWN);
    calls.tagged(service, hook, HookCallFacts.outcome(request, status))
        .record(Duration.ofNanos(nanos));
    HookCallFacts.of(request).ifPresent(facts -> {
      facts.cards().forEach(card ->
          cards.tagged(service, card.topic(), card.indicator()).increment());
      facts.unavailable().forEach(cause -> unavailable.tagged(service, cause).increment());
    });
  }
}
