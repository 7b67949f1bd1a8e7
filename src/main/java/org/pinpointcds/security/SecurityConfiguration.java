package org.pinpointcds.security;

import org.pinpointcds.endpoints.EndpointPaths;
import jakarta.servlet.Filter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pinpointcds.feedback.FeedbackReportController;
import org.pinpointcds.protocol.CdsHooksController;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/**
 * Wires who may call the CDS endpoints and the feedback report: CORS first (so that even a 401 carries the
 * headers a browser needs to read it, and a preflight is answered before any token is asked for), then JWT
 * authentication (with, between them, the 503 of protocol's DatabaseUnavailableFilter for a jti store that cannot
 * be reached).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  /** {@code /cds-services/*} also matches {@code /cds-services} itself (Servlet path mapping). */
  private static final List<String> GUARDED_PATHS = List.of(EndpointPaths.CDS_SERVICES + "/*", EndpointPaths.FEEDBACK_REPORT);

  @Bean
  static ReplayStore replayStore(SecurityProperties properties, Clock clock, ObjectProvider<JdbcClient> jdbc) {
    return switch (properties.replayStore()) {
      case MEMORY -> new InMemoryReplayStore(clock);
      case DATABASE -> new DatabaseReplayStore(jdbc.getObject(), clock);
    };
  }

  @Bean
  static FilterRegistrationBean<CorsFilter> corsFilter(CorsProperties cors) {
    UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
    source.registerCorsConfiguration(EndpointPaths.CDS_SERVICES + "/**", cors.configuration());
    return guarding(new CorsFilter(source), 1);
  }

  /**
   * Built-in clients (the sandbox page's, in the embedded defaults only) are trusted only while verification is on,
   * that is while the configuration trusts a client of its own; with none, every token is ignored anyway.
   */
  @Bean
  static FilterRegistrationBean<JwtAuthenticationFilter> jwtAuthenticationFilter(
      SecurityProperties properties, ReplayStore replays, Clock clock, ObjectProvider<BuiltInClient> builtIn) {
    Optional<JwtVerifier> verifier = Optional.empty();
    if (properties.verificationOn()) {
      KeySets keySets = new KeySets(new KeySetFetcher(), clock, properties.keyCacheTtl(), properties.keyRefreshInterval());
      List<TrustedClient> clients = new ArrayList<>(properties.clients());
      builtIn.orderedStream().forEach(client -> {
        keySets.pin(client.keySetLocation(), client.publicKeys());
        clients.add(client.trustedClient());
      });
      verifier = Optional.of(new JwtVerifier(List.copyOf(clients), keySets, replays, clock, properties.clockSkew(),
          properties.maxTokenLifetime()));
    }
    return guarding(new JwtAuthenticationFilter(verifier, properties.requireToken(),
        Optional.ofNullable(properties.externalBaseUrl())), 3);
  }

  @Bean
  static EndpointAudience endpointAudience(SecurityProperties properties) {
    return new EndpointAudience(properties.externalBaseUrl());
  }

  @Bean
  static SecurityPosture securityPosture(SecurityProperties security, CorsProperties cors, Environment environment) {
    return new SecurityPosture(security, cors, environment);
  }

  private static <T extends Filter> FilterRegistrationBean<T> guarding(T filter, int position) {
    FilterRegistrationBean<T> registration = new FilterRegistrationBean<>(filter);
    registration.setUrlPatterns(GUARDED_PATHS);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + position);
    return registration;
  }
}
