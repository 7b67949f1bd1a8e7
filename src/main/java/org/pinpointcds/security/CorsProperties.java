package org.pinpointcds.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.cors.CorsConfiguration;

/**
 * {@code pinpoint.cors.*}: the browser origins (EHR front ends, the CDS Hooks sandbox) that may call the CDS
 * endpoints. No origin is allowed by default. {@code *} with credentials is refused at start-up: browsers reject
 * it, and it would let any site send the user's cookies.
 */
public record CorsProperties(
    List<String> allowedOrigins,
    @DefaultValue("false") boolean allowCredentials,
    @DefaultValue("PT30M") Duration maxAge) {

  public CorsProperties {
    allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
    if (allowCredentials && allowedOrigins.contains(CorsConfiguration.ALL)) {
      throw new IllegalStateException("pinpoint.cors.allowed-origins may not hold '*' while"
          + " pinpoint.cors.allow-credentials is true: list the origins");
    }
  }

  CorsConfiguration configuration() {
    CorsConfiguration configuration = new CorsConfiguration();
    configuration.setAllowedOrigins(allowedOrigins);
    configuration.setAllowedMethods(List.of(HttpMethod.GET.name(), HttpMethod.POST.name(), HttpMethod.OPTIONS.name()));
    configuration.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE));
    configuration.setAllowCredentials(allowCredentials);
    configuration.setMaxAge(maxAge);
    return configuration;
  }
}
