package org.pinpointcds.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pinpointcds.testing.OfficialSandbox;
import org.pinpointcds.testing.TestClient;
import org.pinpointcds.testing.TestClock;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Every attack on the JWT check as its own test, and the tokens real clients send, with keys from a file. */
@ExtendWith(OutputCaptureExtension.class)
class JwtVerifierTests {

  private static final String AUDIENCE = "https://pinpoint.example/cds-services/petechiae-triage";
  private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
  private static final TestClient CLIENT = new TestClient("verifier");

  @TempDir
  Path dir;

  private final TestClock clock = new TestClock(NOW);
  private final RecordingFetcher fetcher = new RecordingFetcher();

  /** Reads files as Pinpoint does, records every location asked for, and never goes on the network. */
  static final class RecordingFetcher extends KeySetFetcher {
    final List<URI> read = new CopyOnWriteArrayList<>();

    @Override
    JWKSet fetch(URI location) throws IOException {
      read.add(location);
      if (!"file".equals(location.getScheme())) {
        throw new IOException("this test allows no fetch over the network, asked for " + location);
      }
      return super.fetch(location);
    }
  }

  private JwtVerifier verifier(JWKSet keys, TrustedClient... clients) throws IOException {
    Path jwks = dir.resolve("jwks.json");
    Files.writeString(jwks, keys.toString());
    List<TrustedClient> trusted = clients.length > 0 ? List.of(clients)
        : List.of(new TrustedClient(TestClient.ISSUER, jwks.toUri(), List.of(), List.of()));
    return new JwtVerifier(trusted, new KeySets(fetcher, clock, Duration.ofMinutes(10), Duration.ofSeconds(30)),
        new InMemoryReplayStore(clock), clock, Duration.ofSeconds(60), Duration.ofHours(1));
  }

  /** The file: URI of {@code keys} written to the file the verifier reads, jwks.json. */
  private URI jwksFile(JWKSet keys) throws IOException {
    return Files.writeString(dir.resolve("jwks.json"), keys.toString()).toUri();
  }

  private JwtVerifier verifier() throws IOException {
    return verifier(CLIENT.publicKeys());
  }

  private String rejectionOf(JwtVerifier verifier, String token) {
    try {
      verifier.verify(token, AUDIENCE);
    } catch (JwtRejection rejection) {
      return rejection.getMessage();
    }
    throw new AssertionError("the token was accepted");
  }

  private static String withClaims(JWTClaimsSet.Builder claims) {
    return TestClient.sign(CLIENT.header(JWSAlgorithm.ES384).build(), claims.build(), CLIENT.es384());
  }

  @Test
  void acceptsAValidEs384Token() throws Exception {
    assertThat(verifier().verify(CLIENT.token(AUDIENCE, NOW), AUDIENCE).id()).isEqualTo(TestClient.ISSUER);
  }

  @Test
  void acceptsAValidRs384Token() throws Exception {
    String token = TestClient.sign(CLIENT.header(JWSAlgorithm.RS384).build(), TestClient.claims(AUDIENCE, NOW).build(),
        CLIENT.rs384());

    assertThat(verifier().verify(token, AUDIENCE).id()).isEqualTo(TestClient.ISSUER);
  }

  @Test
  void acceptsEs256Es512Rs256AndRs512Too() throws Exception {
    ECKey p256 = new ECKeyGenerator(Curve.P_256).keyID("p256").generate();
    ECKey p521 = new ECKeyGenerator(Curve.P_521).keyID("p521").generate();
    List<JWK> keys = new ArrayList<>(CLIENT.publicKeys().getKeys());
    keys.add(p256.toPublicJWK());
    keys.add(p521.toPublicJWK());
    JwtVerifier verifier = verifier(new JWKSet(keys));

    for (String token : List.of(
        TestClient.sign(header(JWSAlgorithm.ES256, "p256"), TestClient.claims(AUDIENCE, NOW).build(), p256),
        TestClient.sign(header(JWSAlgorithm.ES512, "p521"), TestClient.claims(AUDIENCE, NOW).build(), p521),
        TestClient.sign(CLIENT.header(JWSAlgorithm.RS256).build(), TestClient.claims(AUDIENCE, NOW).build(), CLIENT.rs384()),
        TestClient.sign(CLIENT.header(JWSAlgorithm.RS512).build(), TestClient.claims(AUDIENCE, NOW).build(), CLIENT.rs384()))) {
      assertThat(verifier.verify(token, AUDIENCE).id()).isEqualTo(TestClient.ISSUER);
    }
  }

  @Test
  void rejectsAnUnsignedTokenWithAlgNone() throws Exception {
    PlainHeader header = new PlainHeader.Builder().type(JOSEObjectType.JWT)
        .customParam("kid", CLIENT.es384().getKeyID()).build();
    String token = new PlainJWT(header, TestClient.claims(AUDIENCE, NOW).build()).serialize();

    assertThat(rejectionOf(verifier(), token)).contains("not a signed JWT");
  }

  @Test
  void rejectsHs256SignedWithThePublicKeyAsTheSecret() throws Exception {
    SignedJWT forged = new SignedJWT(header(JWSAlgorithm.HS256, CLIENT.es384().getKeyID()),
        TestClient.claims(AUDIENCE, NOW).build());
    forged.sign(new MACSigner(CLIENT.es384().toPublicJWK().toJSONString().getBytes()));

    assertThat(rejectionOf(verifier(), forged.serialize())).contains("algorithm HS256 is not allowed");
  }

  @Test
  void rejectsAnExpiredToken() throws Exception {
    String token = CLIENT.token(AUDIENCE, NOW.minus(Duration.ofMinutes(10)));

    assertThat(rejectionOf(verifier(), token)).contains("expired");
  }

  @Test
  void acceptsATokenExpiredLessThanTheClockSkewAgo() throws Exception {
    String token = CLIENT.token(AUDIENCE, NOW, claims -> claims.expirationTime(Date.from(NOW.minusSeconds(59))));

    assertThat(verifier().verify(token, AUDIENCE).id()).isEqualTo(TestClient.ISSUER);
  }

  @Test
  void rejectsATokenNotYetValid() throws Exception {
    String token = CLIENT.token(AUDIENCE, NOW, claims -> claims.notBeforeTime(Date.from(NOW.plusSeconds(120))));

    assertThat(rejectionOf(verifier(), token)).contains("not valid before");
  }

  @Test
  void rejectsATokenIssuedInTheFuture() throws Exception {
    String token = CLIENT.token(AUDIENCE, NOW.plusSeconds(120));

    assertThat(rejectionOf(verifier(), token)).contains("in the future");
  }

  @Test
  void rejectsATokenForAnotherEndpoint() throws Exception {
    String token = CLIENT.token("https://pinpoint.example/cds-services", NOW);

    assertThat(rejectionOf(verifier(), token)).contains("aud does not name " + AUDIENCE);
  }

  @Test
  void rejectsAnUnknownIssuer() throws Exception {
    String token = CLIENT.token(AUDIENCE, NOW, claims -> claims.issuer("https://intruder.example"));

    assertThat(rejectionOf(verifier(), token)).contains("iss is not a trusted client");
  }

  @Test
  void rejectsAnUnknownKid() throws Exception {
    String token = TestClient.sign(header(JWSAlgorithm.ES384, "no-such-key"), TestClient.claims(AUDIENCE, NOW).build(),
        CLIENT.es384());

    assertThat(rejectionOf(verifier(), token)).contains("no usable key no-such-key");
  }

  @Test
  void refusesAForeignKeyInAJkuThatIsNotOnTheAllowlistAndNeverFetchesIt() throws Exception {
    TestClient intruder = new TestClient("intruder");
    URI jku = URI.create("https://intruder.example/jwks.json");
    JwtVerifier verifier = verifier();
    String token = TestClient.sign(intruder.header(JWSAlgorithm.ES384).jwkURL(jku).build(),
        TestClient.claims(AUDIENCE, NOW).build(), intruder.es384());

    assertThat(rejectionOf(verifier, token)).contains("no usable key intruder-es384");
    assertThat(fetcher.read).doesNotContain(jku).containsOnly(dir.resolve("jwks.json").toUri());
  }

  @Test
  void refusesAForeignKeyUnderTheClientsOwnKidInAnUnlistedJku() throws Exception {
    TestClient intruder = new TestClient("verifier");
    URI jku = URI.create("https://intruder.example/jwks.json");
    String token = TestClient.sign(intruder.header(JWSAlgorithm.ES384).jwkURL(jku).build(),
        TestClient.claims(AUDIENCE, NOW).build(), intruder.es384());

    assertThat(rejectionOf(verifier(), token)).contains("signature does not verify");
    assertThat(fetcher.read).doesNotContain(jku);
  }

  @Test
  void refusesAJkuThatIsNotOnTheAllowlistWhenTheClientHasNoJwksUri() throws Exception {
    URI listed = URI.create("https://ehr.test.example/jwks.json");
    JwtVerifier verifier = verifier(CLIENT.publicKeys(),
        new TrustedClient(TestClient.ISSUER, null, List.of(listed), List.of()));
    JWSHeader header = CLIENT.header(JWSAlgorithm.ES384).jwkURL(URI.create("https://intruder.example/jwks.json")).build();
    String token = TestClient.sign(header, TestClient.claims(AUDIENCE, NOW).build(), CLIENT.es384());

    assertThat(rejectionOf(verifier, token)).contains("not on the client's allowlist");
    assertThat(fetcher.read).isEmpty();
  }

  @Test
  void trustsTheOfficialSandboxFromItsConfiguredKeySetAndNeverFetchesItsJku(CapturedOutput output) throws Exception {
    OfficialSandbox sandbox = new OfficialSandbox();
    JwtVerifier verifier = verifier(sandbox.publicKeys(),
        new TrustedClient(OfficialSandbox.ISSUER, jwksFile(sandbox.publicKeys()), List.of(), List.of()));
    String token = sandbox.token(AUDIENCE, NOW);

    assertThat(verifier.verify(token, AUDIENCE).id()).isEqualTo(OfficialSandbox.ISSUER);
    assertThat(verifier.verify(sandbox.token(AUDIENCE, NOW), AUDIENCE).id()).isEqualTo(OfficialSandbox.ISSUER);
    assertThat(fetcher.read).containsExactly(dir.resolve("jwks.json").toUri());
    assertThat(output.getAll()).containsOnlyOnce("jku " + OfficialSandbox.JKU + " in a token of trusted client "
        + OfficialSandbox.ISSUER + " is not on its jku-allowlist: ignored, never fetched").doesNotContain(token);
  }

  @Test
  void readsAnAllowlistedJkuFromItsLocalCopyAndNeverFetchesIt() throws Exception {
    OfficialSandbox sandbox = new OfficialSandbox();
    URI copy = jwksFile(sandbox.publicKeys());
    JwtVerifier verifier = verifier(sandbox.publicKeys(), new TrustedClient(OfficialSandbox.ISSUER, null,
        List.of(OfficialSandbox.JKU), List.of(new TrustedClient.JkuLocalCopy(OfficialSandbox.JKU, copy)), List.of()));

    assertThat(verifier.verify(sandbox.token(AUDIENCE, NOW), AUDIENCE).id()).isEqualTo(OfficialSandbox.ISSUER);
    assertThat(fetcher.read).containsExactly(copy);
  }

  @Test
  void refusesAForeignKeyInAnAllowlistedJkuThatHasALocalCopy() throws Exception {
    OfficialSandbox sandbox = new OfficialSandbox();
    OfficialSandbox impostor = new OfficialSandbox();
    JwtVerifier verifier = verifier(sandbox.publicKeys(), new TrustedClient(OfficialSandbox.ISSUER, null,
        List.of(OfficialSandbox.JKU), List.of(new TrustedClient.JkuLocalCopy(OfficialSandbox.JKU,
            jwksFile(sandbox.publicKeys()))), List.of()));

    assertThat(rejectionOf(verifier, impostor.token(AUDIENCE, NOW))).contains("signature does not verify");
    assertThat(fetcher.read).doesNotContain(OfficialSandbox.JKU);
  }

  @Test
  void rejectsAReplayedJti() throws Exception {
    JwtVerifier verifier = verifier();
    String token = CLIENT.token(AUDIENCE, NOW);
    verifier.verify(token, AUDIENCE);

    assertThat(rejectionOf(verifier, token)).contains("jti already used");
  }

  @Test
  void acceptsAJtiAgainOnlyAfterItsTokenHasExpired() throws Exception {
    JwtVerifier verifier = verifier();
    verifier.verify(CLIENT.token(AUDIENCE, NOW, claims -> claims.jwtID("once")), AUDIENCE);
    clock.advance(Duration.ofMinutes(7));

    assertThat(verifier.verify(CLIENT.token(AUDIENCE, clock.instant(), claims -> claims.jwtID("once")), AUDIENCE).id())
        .isEqualTo(TestClient.ISSUER);
  }

  @Test
  void rejectsATamperedPayload() throws Exception {
    String[] parts = CLIENT.token(AUDIENCE, NOW).split("\\.");
    JWTClaimsSet altered = TestClient.claims(AUDIENCE, NOW).claim("tenant", "another-hospital").build();
    String token = parts[0] + "." + Base64URL.encode(altered.toString()) + "." + parts[2];

    assertThat(rejectionOf(verifier(), token)).contains("signature does not verify");
  }

  @Test
  void rejectsATokenWithoutJti() throws Exception {
    assertThat(rejectionOf(verifier(), CLIENT.token(AUDIENCE, NOW, claims -> claims.jwtID(null)))).contains("jti missing");
  }

  @Test
  void rejectsATokenWithoutKid() throws Exception {
    String token = TestClient.sign(new JWSHeader.Builder(JWSAlgorithm.ES384).type(JOSEObjectType.JWT).build(),
        TestClient.claims(AUDIENCE, NOW).build(), CLIENT.es384());

    assertThat(rejectionOf(verifier(), token)).contains("no kid");
  }

  @Test
  void rejectsATypOtherThanJwt() throws Exception {
    String token = TestClient.sign(CLIENT.header(JWSAlgorithm.ES384).type(new JOSEObjectType("at+jwt")).build(),
        TestClient.claims(AUDIENCE, NOW).build(), CLIENT.es384());

    assertThat(rejectionOf(verifier(), token)).contains("typ is not JWT");
  }

  @Test
  void rejectsATokenThatLivesLongerThanAnHour() throws Exception {
    String token = CLIENT.token(AUDIENCE, NOW, claims -> claims.expirationTime(Date.from(NOW.plus(Duration.ofDays(30)))));

    assertThat(rejectionOf(verifier(), token)).contains("lives longer than PT1H");
  }

  @Test
  void rejectsATenantTheClientIsNotTrustedFor() throws Exception {
    JwtVerifier verifier = verifier(CLIENT.publicKeys(),
        new TrustedClient(TestClient.ISSUER, dir.resolve("jwks.json").toUri(), List.of(), List.of("children-hospital")));

    assertThat(verifier.verify(CLIENT.token(AUDIENCE, NOW, claims -> claims.claim("tenant", "children-hospital")),
        AUDIENCE).id()).isEqualTo(TestClient.ISSUER);
    assertThat(rejectionOf(verifier, CLIENT.token(AUDIENCE, NOW, claims -> claims.claim("tenant", "another-hospital"))))
        .contains("tenant another-hospital not accepted");
  }

  @Test
  void rejectsGarbage() throws Exception {
    assertThat(rejectionOf(verifier(), "not-a-jwt")).contains("malformed");
  }

  @Test
  void namesIssuerKidAndJtiOfARejectedToken() throws Exception {
    String token = CLIENT.token(AUDIENCE, NOW, claims -> claims.jwtID("jti-1").audience("https://elsewhere.example"));

    assertThatThrownBy(() -> verifier().verify(token, AUDIENCE))
        .isInstanceOfSatisfying(JwtRejection.class, rejection -> assertThat(rejection.facts()).isEqualTo(
            new JwtRejection.TokenFacts(TestClient.ISSUER, CLIENT.es384().getKeyID(), "jti-1")));
  }

  private static JWSHeader header(JWSAlgorithm algorithm, String kid) {
    return new JWSHeader.Builder(algorithm).keyID(kid).type(JOSEObjectType.JWT).build();
  }
}
