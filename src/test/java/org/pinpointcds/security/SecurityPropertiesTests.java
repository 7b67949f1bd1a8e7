package org.pinpointcds.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pinpointcds.security.SecurityProperties.ReplayStoreKind;
import org.pinpointcds.testing.OfficialSandbox;

/** Configurations that must stop start-up, each with a message that names what to set. */
class SecurityPropertiesTests {

  @TempDir
  Path dir;

  private static SecurityProperties properties(List<TrustedClient> clients, boolean requireToken, boolean loopbackHttp) {
    return new SecurityProperties(clients, null, false, requireToken, Duration.ofSeconds(60), Duration.ofHours(1),
        ReplayStoreKind.MEMORY, Duration.ofMinutes(10), Duration.ofSeconds(30), loopbackHttp);
  }

  private static TrustedClient client(String jwksUri) {
    return new TrustedClient("https://ehr.example", URI.create(jwksUri), List.of(), List.of());
  }

  @Test
  void requiringATokenWithoutATrustedClientStopsStartUp() {
    assertThatThrownBy(() -> properties(List.of(), true, false))
        .hasMessageContaining("pinpoint.security.clients[0].issuer")
        .hasMessageContaining("pinpoint.security.clients[0].jwks-uri");
  }

  @Test
  void acceptsAJwkSetFileThatExists() throws Exception {
    Path jwks = Files.writeString(dir.resolve("jwks.json"), "{\"keys\":[]}");

    assertThat(properties(List.of(client(jwks.toUri().toString())), true, false).verificationOn()).isTrue();
  }

  @Test
  void refusesAJwkSetFileThatDoesNotExist() {
    assertThatThrownBy(() -> properties(List.of(client(dir.resolve("missing.json").toUri().toString())), true, false))
        .hasMessageContaining("cannot be read");
  }

  @Test
  void refusesAPlainHttpJwkSetUrl() {
    assertThatThrownBy(() -> properties(List.of(client("http://keys.example/jwks.json")), false, true))
        .hasMessageContaining("is not allowed");
    assertThatThrownBy(() -> properties(List.of(client("http://127.0.0.1:9/jwks.json")), false, false))
        .hasMessageContaining("is not allowed");
  }

  @Test
  void allowsPlainHttpOnLoopbackOnlyWhenTestsAskForIt() {
    assertThat(properties(List.of(client("http://127.0.0.1:9/jwks.json")), false, true).verificationOn()).isTrue();
  }

  @Test
  void refusesAJkuAllowlistEntryThatIsAFile() {
    TrustedClient client = new TrustedClient("https://ehr.example", null, List.of(URI.create("file:/etc/jwks.json")),
        List.of());

    assertThatThrownBy(() -> properties(List.of(client), false, false)).hasMessageContaining("use an https: URL");
  }

  @Test
  void acceptsALocalCopyOfAnAllowlistedJku() throws Exception {
    URI jku = URI.create("https://sandbox.cds-hooks.org/.well-known/jwks.json");
    Path copy = Files.writeString(dir.resolve("sandbox-jwks.json"), "{\"keys\":[]}");
    TrustedClient client = new TrustedClient("https://sandbox.cds-hooks.org", null, List.of(jku),
        List.of(new TrustedClient.JkuLocalCopy(jku, copy.toUri())), List.of());

    assertThat(properties(List.of(client), true, false).verificationOn()).isTrue();
    assertThat(client.keySetOf(jku)).isEqualTo(copy.toUri());
  }

  @Test
  void refusesALocalCopyOfAJkuThatIsNotAllowlisted() {
    URI jku = URI.create("https://sandbox.cds-hooks.org/.well-known/jwks.json");

    assertThatThrownBy(() -> new TrustedClient("https://sandbox.cds-hooks.org", URI.create("https://ehr.example/jwks"),
        List.of(), List.of(new TrustedClient.JkuLocalCopy(jku, dir.resolve("copy.json").toUri())), List.of()))
        .hasMessageContaining("not on its jku-allowlist");
  }

  @Test
  void refusesALocalCopyThatIsNotAReadableFile() {
    URI jku = URI.create("https://sandbox.cds-hooks.org/.well-known/jwks.json");

    assertThatThrownBy(() -> new TrustedClient.JkuLocalCopy(jku, URI.create("https://elsewhere.example/jwks.json")))
        .hasMessageContaining("must be a file: URL");
    TrustedClient missing = new TrustedClient("https://sandbox.cds-hooks.org", null, List.of(jku),
        List.of(new TrustedClient.JkuLocalCopy(jku, dir.resolve("missing.json").toUri())), List.of());
    assertThatThrownBy(() -> properties(List.of(missing), false, false)).hasMessageContaining("cannot be read");
  }

  @Test
  void theOfficialSandboxsPublishedKeySetIsCommittedAsAUsableJwksUri() throws Exception {
    Path file = Path.of("docs/integration/cds-hooks-sandbox-jwks.json");

    assertThat(JWKSet.load(file.toFile()).getKeys()).singleElement().satisfies(key -> {
      assertThat(key.getKeyID()).isEqualTo(OfficialSandbox.KID);
      assertThat(((ECKey) key).getCurve()).isEqualTo(Curve.P_384);
      assertThat(key.isPrivate()).isFalse();
    });
    TrustedClient client = new TrustedClient(OfficialSandbox.ISSUER, file.toUri(), List.of(), List.of());
    assertThat(properties(List.of(client), true, false).verificationOn()).isTrue();
  }

  @Test
  void refusesTwoClientsWithOneIssuer() {
    TrustedClient client = new TrustedClient("https://ehr.example", URI.create("https://ehr.example/jwks"), List.of(),
        List.of());

    assertThatThrownBy(() -> properties(List.of(client, client), false, false)).hasMessageContaining("share the issuer");
  }

  @Test
  void refusesAnAnyOriginCorsWithCredentials() {
    assertThatThrownBy(() -> new CorsProperties(List.of("*"), true, Duration.ofMinutes(30)))
        .hasMessageContaining("may not hold '*'");
  }
}
