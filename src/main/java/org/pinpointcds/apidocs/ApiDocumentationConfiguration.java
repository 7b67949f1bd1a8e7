package org.pinpointcds.apidocs;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.pinpointcds.protocol.CdsHooksController;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI 3 description of the CDS endpoints at {@code /v3/api-docs} (springdoc), and Swagger UI at
 * {@code /swagger-ui.html} except in the production profile. The document is built on its first request, never at
 * start-up; {@code docs/openapi.json} is its copy in the repository.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentationConfiguration {

  @Bean
  static OpenApiCustomizer apiDocumentation(CdsHooksController controller, ObjectMapper mapper) {
    return new ApiDocumentation(controller, mapper);
  }
}
