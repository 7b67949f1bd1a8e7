package org.pinpointcds.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pinpointcds.protocol.CallingClient;
import org.pinpointcds.testing.TestClient;
import org.pinpointcds.testing.TestClock;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The filter: when a token is required, optional or ignored, what a refusal looks like, and which URL aud must name. */
@ExtendWith(OutputCaptureExtension.class)
class JwtAuthenticationFilterTests {

  private static final TestClient CLIENT = new TestClient("filter");
  private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
  private static final URI EXTERNAL = URI.create("https://cds.hospital.example/pinpoint/");
  private static final String PUBLIC_URL = "https://cds.hospital.example/pinpoint/cds-services/petechiae-triage";

  @TempDir
  Path dir;

  private JwtVerifier verifier;

  @BeforeEach
  void trustTheClient() throws IOException {
    Path jwks = Files.writeString(dir.resolve("jwks.json"), CLIENT.publicKeys().toString());
    TestClock clock = new TestClock(NOW);
    verifier = new JwtVerifier(List.of(new TrustedClient(TestClient.ISSUER, jwks.toUri(), List.of(), List.of())),
        new KeySets(new KeySetFetcher(), clock, Duration.ofMinutes(10), Duration.ofSeconds(30)),
        new InMemoryReplayStore(clock), clock, Duration.ofSeconds(60), Duration.ofHours(1));
  }

  private static MockHttpServletRequest call(String token) {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/cds-services/petechiae-triage");
    request.setServerName("10.0.0.7");
    request.setServerPort(8080);
    if (token != null) {
      request.addHeader("Authorization", "Bearer " + token);
    }
    return request;
  }

  private static Result run(JwtAuthenticationFilter filter, MockHttpServletRequest request) throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    MockFilterChain chain = new MockFilterChain();
    filter.doFilter(request, response, chain);
    return new Result(response, chain.getRequest() != null, CallingClient.of(request));
  }

  private record Result(MockHttpServletResponse response, boolean passed, CallingClient client) {}

  @Test
  void refusesACallWithoutATokenWhenOneIsRequired() throws Exception {
    Result result = run(new JwtAuthenticationFilter(Optional.of(verifier), true, Optional.of(EXTERNAL)), call(null));

    assertThat(result.passed()).isFalse();
    assertThat(result.response().getStatus()).isEqualTo(401);
    assertThat(result.response().getContentAsByteArray()).isEmpty();
    assertThat(result.response().getHeader("WWW-Authenticate")).isEqualTo("Bearer");
  }

  @Test
  void letsACallWithoutATokenThroughAsAnonymousWhenNoneIsRequired() throws Exception {
    Result result = run(new JwtAuthenticationFilter(Optional.of(verifier), false, Optional.of(EXTERNAL)), call(null));

    assertThat(result.passed()).isTrue();
    assertThat(result.client()).isEqualTo(CallingClient.ANONYMOUS);
  }

  @Test
  void verifiesATokenThatIsPresentEvenWhenNoneIsRequired() throws Exception {
    String expired = CLIENT.token(PUBLIC_URL, NOW.minus(Duration.ofHours(1)));

    Result result = run(new JwtAuthenticationFilter(Optional.of(verifier), false, Optional.of(EXTERNAL)), call(expired));

    assertThat(result.passed()).isFalse();
    assertThat(result.response().getStatus()).isEqualTo(401);
  }

  @Test
  void ignoresTokensWhenNoClientIsTrusted() throws Exception {
    Result result = run(new JwtAuthenticationFilter(Optional.empty(), false, Optional.empty()), call("anything"));

    assertThat(result.passed()).isTrue();
    assertThat(result.client()).isEqualTo(CallingClient.ANONYMOUS);
  }

  @Test
  void namesTheVerifiedIssuerAsTheCallingClient() throws Exception {
    Result result = run(new JwtAuthenticationFilter(Optional.of(verifier), true, Optional.of(EXTERNAL)),
        call(CLIENT.token(PUBLIC_URL, NOW)));

    assertThat(result.passed()).isTrue();
    assertThat(result.client().id()).isEqualTo(TestClient.ISSUER);
  }

  @Test
  void expectsTheAudienceUnderTheExternalBaseUrlNotTheUrlTheProxyForwardedTo() throws Exception {
    JwtAuthenticationFilter filter = new JwtAuthenticationFilter(Optional.of(verifier), true, Optional.of(EXTERNAL));

    assertThat(run(filter, call(CLIENT.token("http://10.0.0.7:8080/cds-services/petechiae-triage", NOW))).passed())
        .isFalse();
    assertThat(run(filter, call(CLIENT.token(PUBLIC_URL, NOW))).passed()).isTrue();
  }

  @Test
  void expectsTheRequestUrlAsTheAudienceWithoutAnExternalBaseUrl() throws Exception {
    JwtAuthenticationFilter filter = new JwtAuthenticationFilter(Optional.of(verifier), true, Optional.empty());

    assertThat(run(filter, call(CLIENT.token("http://10.0.0.7:8080/cds-services/petechiae-triage", NOW))).passed())
        .isTrue();
  }

  @Test
  void asksNoTokenOfOptions() throws Exception {
    MockHttpServletRequest preflight = new MockHttpServletRequest("OPTIONS", "/cds-services");

    assertThat(run(new JwtAuthenticationFilter(Optional.of(verifier), true, Optional.of(EXTERNAL)), preflight).passed())
        .isTrue();
  }

  @Test
  void refusesAnAuthorizationThatIsNotBearer() throws Exception {
    MockHttpServletRequest request = call(null);
    request.addHeader("Authorization", "Basic dXNlcjpwYXNz");

    assertThat(run(new JwtAuthenticationFilter(Optional.of(verifier), false, Optional.of(EXTERNAL)), request).passed())
        .isFalse();
  }

  @Test
  void logsTheReasonIssuerKidAndJtiButNeverTheToken(CapturedOutput output) throws Exception {
    String token = CLIENT.token("https://elsewhere.example/cds-services", NOW, claims -> claims.jwtID("jti-42"));

    run(new JwtAuthenticationFilter(Optional.of(verifier), true, Optional.of(EXTERNAL)), call(token));

    assertThat(output.getOut()).contains("aud does not name", "iss=" + TestClient.ISSUER, "kid=filter-es384", "jti=jti-42")
        .doesNotContain(token).doesNotContain(token.split("\\.")[2]);
  }
}
