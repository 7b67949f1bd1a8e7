package org.pinpointcds.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.springframework.test.context.DynamicPropertyRegistry;

/** A CDS client for tests: ES384 and RS384 key pairs, their JWK Set, and tokens signed as a real client would. */
public final class TestClient {

  public static final String ISSUER = "https://ehr.test.example";

  private static TestClient shared;

  private final ECKey es384;
  private final RSAKey rs384;
  private String jwksFile;

  public TestClient(String keyIdPrefix) {
    try {
      this.es384 = new ECKeyGenerator(Curve.P_384).keyID(keyIdPrefix + "-es384").generate();
      this.rs384 = new RSAKeyGenerator(2048).keyID(keyIdPrefix + "-rs384").generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One client for every test that shares a Spring context, its JWK Set written to a temporary file. */
  public static synchronized TestClient shared() {
    if (shared == null) {
      shared = new TestClient("shared");
    }
    return shared;
  }

  public ECKey es384() {
    return es384;
  }

  public RSAKey rs384() {
    return rs384;
  }

  public JWKSet publicKeys() {
    return new JWKSet(List.<JWK>of(es384, rs384)).toPublicJWKSet();
  }

  /** The file: URI of the public JWK Set, written to a temporary file on first use. */
  public synchronized String jwksFile() {
    if (jwksFile == null) {
      try {
        Path file = Files.createTempFile("pinpoint-test-jwks", ".json");
        file.toFile().deleteOnExit();
        Files.writeString(file, publicKeys().toString());
        jwksFile = file.toUri().toString();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return jwksFile;
  }

  /** The claims of a valid token for {@code audience}, issued at {@code now}, valid for 5 minutes. */
  public static JWTClaimsSet.Builder claims(String audience, Instant now) {
    return new JWTClaimsSet.Builder()
        .issuer(ISSUER)
        .audience(audience)
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(300)))
        .jwtID(UUID.randomUUID().toString());
  }

  public JWSHeader.Builder header(JWSAlgorithm algorithm) {
    JWK key = algorithm.getName().startsWith("ES") ? es384 : rs384;
    return new JWSHeader.Builder(algorithm).keyID(key.getKeyID()).type(JOSEObjectType.JWT);
  }

  /** Trusts the shared client: both properties at once, as Spring Boot binds a list from one property source only. */
  public static void trust(DynamicPropertyRegistry registry) {
    registry.add("pinpoint.security.clients[0].issuer", () -> ISSUER);
    registry.add("pinpoint.security.clients[0].jwks-uri", () -> shared().jwksFile());
  }

  /** An Authorization header with a fresh token of the shared client for the endpoint whose URL is {@code audience}. */
  public static String bearer(String audience) {
    return "Bearer " + shared().token(audience, Instant.now());
  }

  /** A valid ES384 token for {@code audience}, as the scenario runner and the CDS Hooks sandbox send. */
  public String token(String audience, Instant now) {
    return sign(header(JWSAlgorithm.ES384).build(), claims(audience, now).build(), es384);
  }

  /** An ES384 token whose claims {@code change} has altered. */
  public String token(String audience, Instant now, UnaryOperator<JWTClaimsSet.Builder> change) {
    return sign(header(JWSAlgorithm.ES384).build(), change.apply(claims(audience, now)).build(), es384);
  }

  public static String sign(JWSHeader header, JWTClaimsSet claims, JWK key) {
    SignedJWT jwt = new SignedJWT(header, claims);
    try {
      jwt.sign(key instanceof ECKey ec ? new ECDSASigner(ec) : new RSASSASigner((RSAKey) key));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }
}
