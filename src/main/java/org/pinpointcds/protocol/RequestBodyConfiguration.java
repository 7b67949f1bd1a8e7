package org.pinpointcds.protocol;

import ca.uhn.fhir.context.FhirContext;
import java.time.Duration;
import java.util.List;
import org.apache.catalina.core.StandardHost;
import org.pinpointcds.config.RequestProperties;
import org.pinpointcds.endpoints.EndpointPaths;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Bounds the bodies callers send ({@link RequestBodyFilter}) and the memory of the calls in flight that read one to
 * an eighth of the heap: two long stays at once on a 256 MB heap, which keep two cores busy. A larger share admits
 * more long stays than the cores can serve; their trees then outlive young collections and the heap fills with them
 * (measured: docs/performance.md). Typical charts are hardly bounded. After authentication, so that a refused caller
 * sends nothing that is read.
 */
@Configuration(proxyBeanMethods = false)
class RequestBodyConfiguration {

  static final int HEAP_DIVISOR = 8;
  static final Duration PATIENCE = Duration.ofSeconds(10);

  @Bean
  static FilterRegistrationBean<RequestBodyFilter> requestBodyFilter(RequestProperties limits, FhirContext fhirContext) {
    FilterRegistrationBean<RequestBodyFilter> registration = new FilterRegistrationBean<>(new RequestBodyFilter(
        limits, new HeapShare(Runtime.getRuntime().maxMemory() / HEAP_DIVISOR), PATIENCE,
        new OperationOutcomes(fhirContext)));
    registration.setUrlPatterns(List.of(EndpointPaths.CDS_SERVICES + "/*", EndpointPaths.PATIENT_DATA_DIAGNOSTICS));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 4);
    return registration;
  }

  /**
   * First on every request, so that no body left unread holds a thread ({@link UnreadBodyValve}); and Tomcat's own
   * refusals reported as OperationOutcomes ({@link OperationOutcomeErrorReport}).
   */
  @Bean
  static WebServerFactoryCustomizer<TomcatServletWebServerFactory> tomcatValves() {
    return factory -> {
      factory.addEngineValves(new UnreadBodyValve());
      factory.addContextCustomizers(context ->
          ((StandardHost) context.getParent()).setErrorReportValveClass(OperationOutcomeErrorReport.class.getName()));
    };
  }
}
