package org.pinpointcds.security;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * A CDS client whose JWTs Pinpoint accepts ({@code pinpoint.security.clients[N]}).
 *
 * <p>Where the keys of a token come from: a {@code jku} on the allowlist names them (read from its local copy when it
 * has one, otherwise fetched); any other {@code jku} is never fetched, and the token is checked against
 * {@code jwksUri} instead (refused when the client has none). So a client that always sends {@code jku}, such as the
 * official CDS Hooks sandbox, can be trusted from a key set the operator configured.
 *
 * @param issuer the {@code iss} the client signs with
 * @param jwksUri where its JWK Set is: https:, or file: for a set the operator keeps on disk
 * @param jkuAllowlist JWK Set URLs a token may name in its {@code jku} header to be read; any other {@code jku} is
 *     ignored (keys from {@code jwksUri}) or, without a {@code jwksUri}, refused
 * @param jkuLocalCopies for allowlisted {@code jku}s whose keys a site pins: the file that holds them, read instead
 *     of the URL
 * @param tenants the {@code tenant} values accepted; empty accepts any tenant or none
 */
record TrustedClient(String issuer, URI jwksUri, List<URI> jkuAllowlist, List<JkuLocalCopy> jkuLocalCopies,
    List<String> tenants) {

  @ConstructorBinding
  TrustedClient {
    if (issuer == null || issuer.isBlank()) {
      throw new IllegalArgumentException("a trusted client needs an issuer (pinpoint.security.clients[N].issuer)");
    }
    jkuAllowlist = jkuAllowlist == null ? List.of() : List.copyOf(jkuAllowlist);
    jkuLocalCopies = jkuLocalCopies == null ? List.of() : List.copyOf(jkuLocalCopies);
    tenants = tenants == null ? List.of() : List.copyOf(tenants);
    if (jwksUri == null && jkuAllowlist.isEmpty()) {
      throw new IllegalArgumentException("trusted client " + issuer + " needs a jwks-uri or a jku-allowlist");
    }
    for (JkuLocalCopy copy : jkuLocalCopies) {
      if (!jkuAllowlist.contains(copy.jku())) {
        throw new IllegalArgumentException("trusted client " + issuer + ": jku-local-copies names " + copy.jku()
            + ", which is not on its jku-allowlist (pinpoint.security.clients[N].jku-allowlist): a local copy stands"
            + " in for an allowlisted jku only");
      }
    }
  }

  TrustedClient(String issuer, URI jwksUri, List<URI> jkuAllowlist, List<String> tenants) {
    this(issuer, jwksUri, jkuAllowlist, List.of(), tenants);
  }

  /** Where the keys of an allowlisted {@code jku} are read: its local copy, or the jku itself. */
  URI keySetOf(URI jku) {
    return jkuLocalCopies.stream().filter(copy -> copy.jku().equals(jku)).map(JkuLocalCopy::file).findFirst()
        .orElse(jku);
  }

  /**
   * {@code pinpoint.security.clients[N].jku-local-copies[M]}: the keys of the allowlisted {@code jku} are in
   * {@code file} (a file: URL that must be readable at start-up), and the URL is never fetched.
   */
  record JkuLocalCopy(URI jku, URI file) {

    JkuLocalCopy {
      if (jku == null || file == null) {
        throw new IllegalArgumentException("pinpoint.security.clients[N].jku-local-copies[M] needs both jku and file");
      }
      if (file.getScheme() == null || !file.getScheme().toLowerCase(Locale.ROOT).equals("file")) {
        throw new IllegalArgumentException("pinpoint.security.clients[N].jku-local-copies[M].file must be a file: URL,"
            + " got " + file);
      }
    }
  }
}
