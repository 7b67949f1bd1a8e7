package org.pinpointcds.data;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.pinpointcds.data.RequiredDataUnavailableException.Cause;
import org.pinpointcds.testing.Await;
import org.pinpointcds.testing.FetchSettingsFor;

/** Every way the fetch path fails has the cause that operators count its 412 under. */
class UnavailableCauseTests {

  private static final FhirContext FHIR = FhirContext.forR4Cached();
  /** Timeouts a loaded machine's first answers stay well within; the stalled answer is later than the call timeout. */
  private static final FetchSettings SETTINGS = FetchSettingsFor.properties("budget=PT4S", "call-timeout=PT2S");
  private static final FetchSettings HTTPS_REQUIRED =
      FetchSettingsFor.properties("budget=PT4S", "call-timeout=PT2S", "require-https=true");

  @RegisterExtension
  static WireMockExtension ehr = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static Stream<Arguments> answers() {
    return Stream.of(
        Arguments.of(aResponse().withStatus(401), Cause.ACCESS_REFUSED),
        Arguments.of(aResponse().withStatus(403), Cause.ACCESS_REFUSED),
        Arguments.of(aResponse().withStatus(404), Cause.NOT_FOUND),
        Arguments.of(aResponse().withStatus(503), Cause.SERVER_ERROR),
        Arguments.of(aResponse().withStatus(302), Cause.BAD_RESPONSE),
        Arguments.of(okJson("not json"), Cause.BAD_RESPONSE),
        Arguments.of(okJson("{\"resourceType\":\"Observation\"}"), Cause.BAD_RESPONSE),
        Arguments.of(okJson("{\"resourceType\":\"Patient\",\"\":\"p1\"}"), Cause.BAD_RESPONSE),
        Arguments.of(okJson("{\"resourceType\":\"Patient\",\"id\":\"p1\"}").withFixedDelay(3_000), Cause.TIMEOUT),
        Arguments.of(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), Cause.UNREACHABLE));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("answers")
  void eachFailureOfTheFhirServerHasItsCause(ResponseDefinitionBuilder answer, Cause cause) {
    ehr.stubFor(get(urlPathEqualTo("/fhir/Patient/p1")).willReturn(answer));

    assertThat(causes(new FhirServerFetcher(FHIR, SETTINGS), URI.create(ehr.baseUrl() + "/fhir"))).containsExactly(cause);
  }

  @Test
  void aServerThatRefusesTheConnectionIsUnreachable() throws Exception {
    assertThat(causes(new FhirServerFetcher(FHIR, SETTINGS), URI.create("http://127.0.0.1:" + closedPort() + "/fhir")))
        .containsExactly(Cause.UNREACHABLE);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "http://ehr.example.org/fhir", "http://127.evil.example/fhir", "http://localhost.example.com/fhir"})
  void plainHttpWhereHttpsIsRequiredIsAnInsecureFhirServer(String server) {
    assertThat(causes(new FhirServerFetcher(FHIR, HTTPS_REQUIRED), URI.create(server)))
        .containsExactly(Cause.INSECURE_FHIR_SERVER);
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "[::1]", "localhost"})
  void plainHttpOnLoopbackIsFetchedWhereHttpsIsRequired(String host) throws Exception {
    // Nothing listens there: the fetch was tried, so the host passed the https check.
    URI nothingListening = URI.create("http://" + host + ":" + closedPort() + "/fhir");

    assertThat(causes(new FhirServerFetcher(FHIR, HTTPS_REQUIRED), nothingListening))
        .containsExactly(Cause.UNREACHABLE);
  }

  @Test
  void causesAreCountedUnderKebabCaseCodes() {
    assertThat(Cause.NO_FHIR_SERVER.code()).isEqualTo("no-fhir-server");
    assertThat(Cause.TIMEOUT.code()).isEqualTo("timeout");
  }

  /** A loopback port that nothing listens on. */
  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static Set<Cause> causes(FhirServerFetcher fetcher, URI server) {
    try {
      Await.value(fetcher.fetch(new FhirAccess(server, Optional.of("token")), Map.of("patient", "Patient/p1")));
    } catch (RequiredDataUnavailableException e) {
      return e.causes();
    }
    throw new AssertionError("the fetch did not fail");
  }
}
