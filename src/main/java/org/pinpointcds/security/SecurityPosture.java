package org.pinpointcds.security;

import java.util.ArrayList;
import java.util.List;
import org.pinpointcds.security.SecurityProperties.ReplayStoreKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;

/** Says at start-up, loudly, which protections are off, so that nobody mistakes the embedded defaults for production. */
final class SecurityPosture {

  private static final Logger log = LoggerFactory.getLogger(SecurityPosture.class);

  private final SecurityProperties security;
  private final CorsProperties cors;
  private final Environment environment;

  SecurityPosture(SecurityProperties security, CorsProperties cors, Environment environment) {
    this.security = security;
    this.cors = cors;
    this.environment = environment;
  }

  @EventListener(ApplicationReadyEvent.class)
  void report() {
    List<String> off = protectionsOff();
    if (!off.isEmpty()) {
      log.warn("PROTECTIONS OFF in this configuration (the production profile turns them on):\n  - {}",
          String.join("\n  - ", off));
    }
    log.info("JWT: trusted clients {}, token {}, clock skew {}, jti replay store {}",
        security.clients().stream().map(TrustedClient::issuer).toList(),
        security.requireToken() ? "required on every call" : "optional", security.clockSkew(),
        security.replayStore() == ReplayStoreKind.DATABASE ? "database (shared by all instances)" : "memory (this instance only)");
    log.info("CORS: {}", cors.allowedOrigins().isEmpty() ? "no browser origin is allowed (pinpoint.cors.allowed-origins)"
        : "origins " + cors.allowedOrigins() + (cors.allowCredentials() ? " with credentials" : ""));
    log.info("Listening on {}", environment.getProperty("server.address", "every interface"));
  }

  List<String> protectionsOff() {
    List<String> off = new ArrayList<>();
    if (!security.verificationOn()) {
      off.add("JWT verification: no trusted client is configured (pinpoint.security.clients), so every call is"
          + " accepted as anonymous and any token is ignored");
      return off;
    }
    if (!security.requireToken()) {
      off.add("JWT not required: a call without a token is accepted as anonymous; tokens that are present are"
          + " verified (pinpoint.security.require-token=false)");
    }
    if (security.externalBaseUrl() == null) {
      off.add("aud is checked against the URL each request arrived with (its Host header), which is wrong behind a"
          + " proxy: set pinpoint.security.external-base-url");
    }
    return off;
  }
}
