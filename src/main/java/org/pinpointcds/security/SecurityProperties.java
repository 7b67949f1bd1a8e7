package org.pinpointcds.security;

import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code pinpoint.security.*}: which CDS clients may call and how their JWTs are checked (CDS Hooks 2.0,
 * Trusting CDS Clients). An invalid combination stops start-up with a message that names the property.
 *
 * @param clients the trusted clients; with none, JWT verification is off and every call is anonymous
 * @param externalBaseUrl the public URL of the service root (behind a proxy, the proxy's); the expected
 *     {@code aud} is this plus the path called. Unset: the URL of the request as it arrived
 * @param requireExternalBaseUrl start-up fails without {@code externalBaseUrl} (the production profile): the URL a
 *     request arrived with names whatever Host the caller sent, so a token minted for another host would pass
 * @param requireToken every call needs a valid JWT (the production profile); otherwise a call without one is
 *     anonymous, and a token that is present is still verified
 * @param clockSkew tolerance on {@code exp}, {@code iat} and {@code nbf}
 * @param maxTokenLifetime the longest {@code exp - iat} accepted; it bounds how long a {@code jti} is kept
 * @param replayStore where seen {@code jti}s are kept: memory (one instance) or database (shared by all instances)
 * @param keyCacheTtl how long a fetched JWK Set is used before it is fetched again
 * @param keyRefreshInterval the least time between two fetches of one JWK Set (an unknown {@code kid} refetches)
 * @param loopbackHttpJwks allow http: JWK Set URLs on loopback; for tests, never for production
 */
public record SecurityProperties(
    List<TrustedClient> clients,
    URI externalBaseUrl,
    @DefaultValue("false") boolean requireExternalBaseUrl,
    @DefaultValue("false") boolean requireToken,
    @DefaultValue("PT60S") Duration clockSkew,
    @DefaultValue("PT1H") Duration maxTokenLifetime,
    @DefaultValue("memory") ReplayStoreKind replayStore,
    @DefaultValue("PT10M") Duration keyCacheTtl,
    @DefaultValue("PT30S") Duration keyRefreshInterval,
    @DefaultValue("false") boolean loopbackHttpJwks) {

  enum ReplayStoreKind { MEMORY, DATABASE }

  public SecurityProperties {
    clients = clients == null ? List.of() : List.copyOf(clients);
    if (requireToken && clients.isEmpty()) {
      throw new IllegalStateException("pinpoint.security.require-token is on (the production profile) but no trusted"
          + " CDS client is configured: set pinpoint.security.clients[0].issuer and"
          + " pinpoint.security.clients[0].jwks-uri (https: or file:)");
    }
    Set<String> issuers = new HashSet<>();
    for (TrustedClient client : clients) {
      if (!issuers.add(client.issuer())) {
        throw new IllegalStateException("two trusted clients share the issuer " + client.issuer());
      }
      if (client.jwksUri() != null) {
        KeySetLocations.requireAllowed(client.jwksUri(), true, loopbackHttpJwks);
      }
      client.jkuAllowlist().forEach(jku -> KeySetLocations.requireAllowed(jku, false, loopbackHttpJwks));
      client.jkuLocalCopies().forEach(copy -> KeySetLocations.requireAllowed(copy.file(), true, loopbackHttpJwks));
    }
    if (requireExternalBaseUrl && externalBaseUrl == null) {
      throw new IllegalStateException("pinpoint.security.external-base-url is required (the production profile): the"
          + " public URL of the service root as the EHR calls it, e.g. https://cds.hospital.org/pinpoint; every JWT's"
          + " aud is checked against it");
    }
    if (externalBaseUrl != null && (!externalBaseUrl.isAbsolute() || externalBaseUrl.getRawQuery() != null
        || !externalBaseUrl.getScheme().matches("(?i)https?"))) {
      throw new IllegalStateException("pinpoint.security.external-base-url must be an absolute http(s) URL without a"
          + " query, got " + externalBaseUrl);
    }
  }

  boolean verificationOn() {
    return !clients.isEmpty();
  }
}
