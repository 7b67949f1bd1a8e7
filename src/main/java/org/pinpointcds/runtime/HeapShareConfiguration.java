package org.pinpointcds.runtime;

import org.pinpointcds.protocol.OperationOutcomes;
import org.pinpointcds.endpoints.EndpointPaths;
import ca.uhn.fhir.context.FhirContext;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Bounds the memory of the calls in flight that read a body (hook calls, the diagnostics) to an eighth of the
 * heap: two long stays at once on a 256 MB heap, which keep two cores busy. A larger share admits more long stays
 * than the cores can serve; their trees then outlive young collections and the heap fills with them (measured:
 * docs/performance.md). Typical charts are hardly bounded. After authentication, so that a refused caller waits for
 * nothing.
 */
@Configuration(proxyBeanMethods = false)
class HeapShareConfiguration {

  static final int HEAP_DIVISOR = 8;
  static final Duration PATIENCE = Duration.ofSeconds(10);

  @Bean
  static FilterRegistrationBean<HeapShareFilter> heapShareFilter(FhirContext fhirContext) {
    FilterRegistrationBean<HeapShareFilter> registration = new FilterRegistrationBean<>(new HeapShareFilter(
        Runtime.getRuntime().maxMemory() / HEAP_DIVISOR, PATIENCE, new OperationOutcomes(fhirContext)));
    registration.setUrlPatterns(List.of(EndpointPaths.CDS_SERVICES + "/*", EndpointPaths.PATIENT_DATA_DIAGNOSTICS));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 4);
    return registration;
  }
}
