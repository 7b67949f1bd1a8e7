package org.pinpointcds.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * Signs tokens exactly as the official CDS Hooks sandbox does (github.com/cds-hooks/sandbox,
 * src/retrieve-data-helpers/jwt-generator.js, commit 3b7e255): ES384, {@code typ} JWT, its {@code kid} and always its
 * {@code jku}; {@code iss} https://sandbox.cds-hooks.org, {@code aud} the URL called (a string), {@code exp} five
 * minutes after {@code iat}, a uuid {@code jti}. The key is generated here (the sandbox's own key pair is not used in
 * tests); its public half goes into a JWK Set file that Pinpoint is configured to trust.
 */
public final class OfficialSandbox {

  public static final String ISSUER = "https://sandbox.cds-hooks.org";
  public static final URI JKU = URI.create("https://sandbox.cds-hooks.org/.well-known/jwks.json");
  public static final String KID = "44823f3d-0b01-4a6c-a80e-b9d3e8a7226f";

  private final ECKey key;

  public OfficialSandbox() {
    try {
      this.key = new ECKeyGenerator(Curve.P_384).keyID(KID).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES384)
          .generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  public JWKSet publicKeys() {
    return new JWKSet(key.toPublicJWK());
  }

  /** The public JWK Set in a temporary file; its file: URI, for {@code jwks-uri} or a jku's local copy. */
  public String jwksFile() {
    try {
      Path file = Files.createTempFile("cds-hooks-sandbox-jwks", ".json");
      file.toFile().deleteOnExit();
      Files.writeString(file, publicKeys().toString());
      return file.toUri().toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A token for the endpoint at {@code audience}, as the sandbox signs one at {@code now}. */
  public String token(String audience, Instant now) {
    long iat = now.getEpochSecond();
    JWTClaimsSet claims = new JWTClaimsSet.Builder()
        .issuer(ISSUER)
        .audience(audience)
        .expirationTime(Date.from(Instant.ofEpochSecond(iat + 300)))
        .issueTime(Date.from(Instant.ofEpochSecond(iat)))
        .jwtID(UUID.randomUUID().toString())
        .build();
    JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES384).type(JOSEObjectType.JWT).keyID(KID).jwkURL(JKU).build();
    return TestClient.sign(header, claims, key);
  }
}
