package org.pinpointcds.ops;

import org.pinpointcds.endpoints.EndpointPaths;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationPredicate;
import java.time.Clock;
import java.util.List;
import org.pinpointcds.config.ServiceCatalog;
import org.pinpointcds.data.PrefetchListener;
import org.pinpointcds.feedback.FeedbackReportController;
import org.pinpointcds.feedback.FeedbackReporter;
import org.pinpointcds.protocol.CdsHooksController;
import org.pinpointcds.protocol.HookCallFacts;
import org.pinpointcds.storage.BatchWriter;
import org.pinpointcds.terminology.Terminology;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * What operators watch (README, "Running in production"): the terminology and the background writers in the
 * readiness probe, the terminology in {@code /actuator/info}, and Pinpoint's metrics, taken at the seams (the HTTP filters, the FHIR fetcher, the
 * prefetch reader, the feedback report). The clinical core knows nothing of them.
 */
@Configuration(proxyBeanMethods = false)
class OperationsConfiguration {

  /** How often the feedback gauges read the feedback report from the database. */

  /** Named {@code terminology} in {@code /actuator/health} and in the readiness group. */
  @Bean
  static HealthIndicator terminologyHealthIndicator(Terminology terminology) {
    return new TerminologyHealth(terminology);
  }

  /** Named {@code writers} in {@code /actuator/health} and in the readiness group. */
  @Bean
  static HealthIndicator writersHealthIndicator(List<BatchWriter<?>> writers) {
    return new WritersHealth(writers);
  }

  @Bean
  static InfoContributor terminologyInfoContributor(Terminology terminology) {
    return new TerminologyInfo(terminology);
  }

  /** Outside authentication (which leaves its refusals on the request) and beside the audit trail. */
  @Bean
  static FilterRegistrationBean<CallMetrics> callMetrics(ServiceCatalog catalog, MeterRegistry registry) {
    FilterRegistrationBean<CallMetrics> registration = new FilterRegistrationBean<>(new CallMetrics(catalog, registry));
    registration.setUrlPatterns(List.of(EndpointPaths.CDS_SERVICES + "/*", EndpointPaths.FEEDBACK_REPORT));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  /**
   * Hook calls are timed once, by {@code pinpoint.hook.calls} (with their service, hook and outcome), not also by
   * Spring MVC's {@code http.server.requests}: the second observation cost about 4% of a typical call's CPU
   * (docs/performance.md). Every other request keeps it.
   */
  @Bean
  static ObservationPredicate hookCallsObservedOnce() {
    return (name, context) -> !(context instanceof ServerRequestObservationContext server
        && HookCallFacts.isHookCall(server.getCarrier()));
  }

  @Bean
  static PrefetchListener prefetchMetrics(MeterRegistry registry) {
    return new PrefetchMetrics(registry);
  }

  @Bean
  static FeedbackMetrics feedbackMetrics(FeedbackReporter reporter, Clock clock, MetricsProperties properties) {
    return new FeedbackMetrics(reporter, clock, properties.feedbackRefresh());
  }
}
