package org.pinpointcds.security;

import java.net.URI;
import java.util.List;

/**
 * A CDS client whose JWTs Pinpoint accepts ({@code pinpoint.security.clients[N]}).
 *
 * @param issuer the {@code iss} the client signs with
 * @param jwksUri where its JWK Set is: https:, or file: for a set the operator keeps on disk
 * @param jkuAllowlist JWK Set URLs a token may name in its {@code jku} header; any other {@code jku} is refused
 * @param tenants the {@code tenant} values accepted; empty accepts any tenant or none
 */
record TrustedClient(String issuer, URI jwksUri, List<URI> jkuAllowlist, List<String> tenants) {

  TrustedClient {
    if (issuer == null || issuer.isBlank()) {
      throw new IllegalArgumentException("a trusted client needs an issuer (pinpoint.security.clients[N].issuer)");
    }
    jkuAllowlist = jkuAllowlist == null ? List.of() : List.copyOf(jkuAllowlist);
    tenants = tenants == null ? List.of() : List.copyOf(tenants);
    if (jwksUri == null && jkuAllowlist.isEmpty()) {
      throw new IllegalArgumentException("trusted client " + issuer + " needs a jwks-uri or a jku-allowlist");
    }
  }
}
