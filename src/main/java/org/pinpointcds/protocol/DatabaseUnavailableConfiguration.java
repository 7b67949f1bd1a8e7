package org.pinpointcds.protocol;

import org.pinpointcds.endpoints.EndpointPaths;
import ca.uhn.fhir.context.FhirContext;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Inside CORS (+1), so that a browser can read the 503, and outside authentication (+3), whose jti store may be
 * the database; inside the audit trail and the metrics, which record the 503.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseUnavailableConfiguration {

  @Bean
  static FilterRegistrationBean<DatabaseUnavailableFilter> databaseUnavailableFilter(FhirContext fhirContext) {
    FilterRegistrationBean<DatabaseUnavailableFilter> registration =
        new FilterRegistrationBean<>(new DatabaseUnavailableFilter(new OperationOutcomes(fhirContext)));
    registration.setUrlPatterns(List.of(EndpointPaths.CDS_SERVICES + "/*", EndpointPaths.FEEDBACK_REPORT));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
    return registration;
  }
}
