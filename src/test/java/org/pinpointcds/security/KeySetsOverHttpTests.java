package org.pinpointcds.security;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pinpointcds.testing.TestClient;
import org.pinpointcds.testing.TestClock;

/** JWK Sets served over HTTP (WireMock on loopback): caching, refresh on a rotated kid, and the jku allowlist. */
class KeySetsOverHttpTests {

  private static final String AUDIENCE = "https://pinpoint.example/cds-services";
  private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
  private static final Duration REFRESH_INTERVAL = Duration.ofSeconds(30);

  @RegisterExtension
  static WireMockExtension keyServer = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final TestClock clock = new TestClock(NOW);
  private static final TestClient oldKeys = new TestClient("old");
  private static final TestClient newKeys = new TestClient("new");

  private URI url(String path) {
    return URI.create(keyServer.baseUrl() + path);
  }

  private JwtVerifier verifier(TrustedClient client) {
    return new JwtVerifier(List.of(client), new KeySets(new KeySetFetcher(), clock, Duration.ofMinutes(10), REFRESH_INTERVAL),
        new InMemoryReplayStore(clock), clock, Duration.ofSeconds(60), Duration.ofHours(1));
  }

  /** A verifier trusting the client whose JWK Set is at /jwks.json, served with {@code keys}. */
  private JwtVerifier verifierServing(TestClient keys) {
    serve("/jwks.json", keys);
    return verifier(new TrustedClient(TestClient.ISSUER, url("/jwks.json"), List.of(), List.of()));
  }

  /** The client a fresh token signed with {@code keys} is accepted as. */
  private String accepted(JwtVerifier verifier, TestClient keys) throws JwtRejection {
    return verifier.verify(keys.token(AUDIENCE, clock.instant()), AUDIENCE).id();
  }

  private void serve(String path, TestClient keys) {
    keyServer.stubFor(get(urlPathEqualTo(path)).willReturn(okJson(keys.publicKeys().toString())));
  }

  @Test
  void readsTheJwkSetOnceAndCachesIt() throws Exception {
    JwtVerifier verifier = verifierServing(oldKeys);

    accepted(verifier, oldKeys);
    accepted(verifier, oldKeys);

    keyServer.verify(1, getRequestedFor(urlPathEqualTo("/jwks.json")));
  }

  @Test
  void readsTheJwkSetAgainWhenAKeyIsRotated() throws Exception {
    JwtVerifier verifier = verifierServing(oldKeys);
    accepted(verifier, oldKeys);
    serve("/jwks.json", newKeys);
    clock.advance(REFRESH_INTERVAL);

    assertThat(accepted(verifier, newKeys)).isEqualTo(TestClient.ISSUER);
    keyServer.verify(2, getRequestedFor(urlPathEqualTo("/jwks.json")));
  }

  @Test
  void readsTheJwkSetAtMostOncePerIntervalHoweverManyUnknownKidsArrive() throws Exception {
    JwtVerifier verifier = verifierServing(oldKeys);

    for (int i = 0; i < 5; i++) {
      assertThatThrownBy(() -> accepted(verifier, newKeys)).isInstanceOf(JwtRejection.class);
    }

    keyServer.verify(1, getRequestedFor(urlPathEqualTo("/jwks.json")));
  }

  @Test
  void keepsTheKeysItHasWhenTheKeyServerFails() throws Exception {
    JwtVerifier verifier = verifierServing(oldKeys);
    accepted(verifier, oldKeys);
    keyServer.stubFor(get(urlPathEqualTo("/jwks.json")).willReturn(aResponse().withStatus(503)));
    clock.advance(Duration.ofMinutes(11));

    assertThat(accepted(verifier, oldKeys)).isEqualTo(TestClient.ISSUER);
  }

  @Test
  void takesKeysFromAnAllowlistedJku() throws Exception {
    serve("/epic/keys", oldKeys);
    JwtVerifier verifier = verifier(new TrustedClient(TestClient.ISSUER, null, List.of(url("/epic/keys")), List.of()));
    JWSHeader header = oldKeys.header(JWSAlgorithm.ES384).jwkURL(url("/epic/keys")).build();

    String token = TestClient.sign(header, TestClient.claims(AUDIENCE, NOW).build(), oldKeys.es384());

    assertThat(verifier.verify(token, AUDIENCE).id()).isEqualTo(TestClient.ISSUER);
  }

  @Test
  void neverFetchesAJkuThatIsNotOnTheAllowlistAndRefusesTheForeignKeyItNames() {
    JwtVerifier verifier = verifierServing(oldKeys);
    serve("/intruder/jwks.json", newKeys);
    JWSHeader header = newKeys.header(JWSAlgorithm.ES384).jwkURL(url("/intruder/jwks.json")).build();

    String token = TestClient.sign(header, TestClient.claims(AUDIENCE, NOW).build(), newKeys.es384());

    assertThatThrownBy(() -> verifier.verify(token, AUDIENCE)).hasMessageContaining("no usable key new-es384");
    keyServer.verify(0, getRequestedFor(urlPathEqualTo("/intruder/jwks.json")));
  }

  @Test
  void ignoresAJkuThatIsNotOnTheAllowlistAndVerifiesWithTheConfiguredKeySet() throws Exception {
    JwtVerifier verifier = verifierServing(oldKeys);
    serve("/intruder/jwks.json", oldKeys);
    JWSHeader header = oldKeys.header(JWSAlgorithm.ES384).jwkURL(url("/intruder/jwks.json")).build();

    String token = TestClient.sign(header, TestClient.claims(AUDIENCE, NOW).build(), oldKeys.es384());

    assertThat(verifier.verify(token, AUDIENCE).id()).isEqualTo(TestClient.ISSUER);
    keyServer.verify(0, getRequestedFor(urlPathEqualTo("/intruder/jwks.json")));
    keyServer.verify(1, getRequestedFor(urlPathEqualTo("/jwks.json")));
  }

  @Test
  void neverFetchesAnUnlistedJkuOfAClientWithoutAJwksUri() {
    serve("/epic/keys", oldKeys);
    serve("/intruder/jwks.json", oldKeys);
    JwtVerifier verifier = verifier(new TrustedClient(TestClient.ISSUER, null, List.of(url("/epic/keys")), List.of()));
    JWSHeader header = oldKeys.header(JWSAlgorithm.ES384).jwkURL(url("/intruder/jwks.json")).build();

    String token = TestClient.sign(header, TestClient.claims(AUDIENCE, NOW).build(), oldKeys.es384());

    assertThatThrownBy(() -> verifier.verify(token, AUDIENCE)).hasMessageContaining("not on the client's allowlist");
    keyServer.verify(0, anyRequestedFor(anyUrl()));
  }
}
