package org.pinpointcds.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * A CDS client that runs inside Pinpoint: the {@code /sandbox} page of the embedded defaults. Its ES384 key pair is
 * generated when it is created and never leaves the process. While JWT verification is on, Pinpoint trusts it beside
 * the configured clients, under the same rules: each token names one endpoint in {@code aud}, carries a fresh
 * {@code jti} and expires after {@link #TOKEN_LIFETIME}.
 */
public final class BuiltInClient {

  public static final Duration TOKEN_LIFETIME = Duration.ofMinutes(2);

  private final String issuer;
  private final ECKey key;
  private final Clock clock;

  public BuiltInClient(String issuer, Clock clock) {
    this.issuer = issuer;
    this.clock = clock;
    try {
      this.key = new ECKeyGenerator(Curve.P_384).keyIDFromThumbprint(true).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot generate the key of built-in client " + issuer, e);
    }
  }

  public String issuer() {
    return issuer;
  }

  /** A signed ES384 token for the endpoint whose URL is {@code audience} (see {@link EndpointAudience}). */
  public String token(String audience) {
    Instant now = clock.instant();
    JWTClaimsSet claims = new JWTClaimsSet.Builder()
        .issuer(issuer)
        .audience(audience)
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(TOKEN_LIFETIME)))
        .jwtID(UUID.randomUUID().toString())
        .build();
    SignedJWT jwt = new SignedJWT(
        new JWSHeader.Builder(JWSAlgorithm.ES384).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(), claims);
    try {
      jwt.sign(new ECDSASigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign a token of built-in client " + issuer, e);
    }
    return jwt.serialize();
  }

  /** Where the verifier finds this client's keys: a name for the pinned set, never fetched. */
  URI keySetLocation() {
    return URI.create("urn:pinpoint:built-in-client:" + UUID.nameUUIDFromBytes(issuer.getBytes(StandardCharsets.UTF_8)));
  }

  TrustedClient trustedClient() {
    return new TrustedClient(issuer, keySetLocation(), List.of(), List.of());
  }

  JWKSet publicKeys() {
    return new JWKSet(key.toPublicJWK());
  }
}
