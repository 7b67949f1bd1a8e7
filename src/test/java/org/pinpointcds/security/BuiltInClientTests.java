package org.pinpointcds.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pinpointcds.testing.TestClock;

/** The built-in client (the sandbox page's) is verified by the same rules as any trusted client, from pinned keys. */
class BuiltInClientTests {

  private static final String AUDIENCE = "http://127.0.0.1:8080/cds-services/petechiae-triage";

  private final TestClock clock = new TestClock(Instant.parse("2026-11-20T10:00:00Z"));
  private final BuiltInClient client = new BuiltInClient("http://localhost/sandbox", clock);

  /** A verifier that trusts only the built-in client; its urn: key set location could not be fetched at all. */
  private JwtVerifier verifier() {
    KeySets keySets = new KeySets(new KeySetFetcher(), clock, Duration.ofMinutes(10), Duration.ofSeconds(30));
    keySets.pin(client.keySetLocation(), client.publicKeys());
    return new JwtVerifier(List.of(client.trustedClient()), keySets, new InMemoryReplayStore(clock), clock,
        Duration.ofSeconds(60), Duration.ofHours(1));
  }

  @Test
  void itsTokenVerifiesOnceForTheEndpointItNames() throws Exception {
    JwtVerifier verifier = verifier();
    String token = client.token(AUDIENCE);

    assertThat(verifier.verify(token, AUDIENCE).id()).isEqualTo("http://localhost/sandbox");
    assertThatThrownBy(() -> verifier.verify(token, AUDIENCE)).hasMessageContaining("replay");
    assertThatThrownBy(() -> verifier.verify(client.token(AUDIENCE), AUDIENCE + "/feedback"))
        .hasMessageContaining("aud");
  }

  @Test
  void itsTokenExpiresAfterTwoMinutes() {
    JwtVerifier verifier = verifier();
    String token = client.token(AUDIENCE);

    clock.advance(BuiltInClient.TOKEN_LIFETIME.plusSeconds(61));

    assertThatThrownBy(() -> verifier.verify(token, AUDIENCE)).hasMessageContaining("expired");
  }

  @Test
  void anotherInstanceOfTheClientHasAnotherKey() {
    BuiltInClient other = new BuiltInClient("http://localhost/sandbox", clock);

    assertThatThrownBy(() -> verifier().verify(other.token(AUDIENCE), AUDIENCE)).hasMessageContaining("no usable key");
  }
}
