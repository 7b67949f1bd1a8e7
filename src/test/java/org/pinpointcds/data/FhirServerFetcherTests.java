package org.pinpointcds.data;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pinpointcds.testing.Await;
import org.pinpointcds.testing.FetchSettingsFor;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The fetch path against WireMock as the EHR's FHIR server: faults, paging, parallelism and the token. */
@ExtendWith(OutputCaptureExtension.class)
class FhirServerFetcherTests {

  private static final String TOKEN = "secret-access-token-7f3a";
  private static final FhirContext FHIR = FhirContext.forR4Cached();
  private static final FetchSettings SETTINGS =
      FetchSettingsFor.properties("budget=PT1.5S", "call-timeout=PT1S", "max-pages=5");

  @RegisterExtension
  static WireMockExtension ehr = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final FhirServerFetcher fetcher = new FhirServerFetcher(FHIR, SETTINGS);

  private static FhirServerFetcher fetcherWith(Duration budget, Duration callTimeout) {
    return new FhirServerFetcher(FHIR,
        FetchSettingsFor.properties("budget=" + budget, "call-timeout=" + callTimeout, "max-pages=" + SETTINGS.maxPages()));
  }

  private FhirAccess access() {
    return new FhirAccess(URI.create(ehr.baseUrl() + "/fhir"), Optional.of(TOKEN));
  }

  private static String bundle(String nextUrl, String... observationIds) {
    StringBuilder entries = new StringBuilder();
    for (String id : observationIds) {
      entries.append(entries.isEmpty() ? "" : ",")
          .append("{\"resource\":{\"resourceType\":\"Observation\",\"id\":\"").append(id)
          .append("\",\"status\":\"final\",\"code\":{\"text\":\"x\"}}}");
    }
    String link = nextUrl == null ? "" : ",\"link\":[{\"relation\":\"next\",\"url\":\"" + nextUrl + "\"}]";
    return "{\"resourceType\":\"Bundle\",\"type\":\"searchset\"" + link + ",\"entry\":[" + entries + "]}";
  }

  private static int entries(List<IBaseResource> pages) {
    return pages.stream().mapToInt(page -> ((Bundle) page).getEntry().size()).sum();
  }

  private static Map<String, List<IBaseResource>> fetch(
      MissingDataFetcher fetcher, FhirAccess access, Map<String, String> queries) {
    return Await.value(fetcher.fetch(access, queries));
  }

  private Map<String, String> failureOf(String key, String query) {
    try {
      fetch(fetcher, access(), Map.of(key, query));
    } catch (RequiredDataUnavailableException e) {
      assertThat(e.getMessage()).doesNotContain(TOKEN);
      return e.reasonsByKey();
    }
    throw new AssertionError("expected the fetch of " + key + " to fail");
  }

  @Test
  void sendsTheBearerTokenOnEveryRequest() {
    ehr.stubFor(get(urlPathEqualTo("/fhir/Patient/p1")).willReturn(okJson("{\"resourceType\":\"Patient\",\"id\":\"p1\"}")));

    fetch(fetcher, access(), Map.of("patient", "Patient/p1"));

    ehr.verify(getRequestedFor(urlPathEqualTo("/fhir/Patient/p1")).withHeader("Authorization", equalTo("Bearer " + TOKEN)));
  }

  @Test
  void sendsNoAuthorizationWithoutAToken() {
    ehr.stubFor(get(urlPathEqualTo("/fhir/Patient/p1")).willReturn(okJson("{\"resourceType\":\"Patient\",\"id\":\"p1\"}")));

    fetch(fetcher, new FhirAccess(URI.create(ehr.baseUrl() + "/fhir"), Optional.empty()), Map.of("patient", "Patient/p1"));

    assertThat(ehr.findAll(getRequestedFor(urlPathEqualTo("/fhir/Patient/p1"))).get(0).containsHeader("Authorization"))
        .isFalse();
  }

  @Test
  void encodesTokenSearchSyntaxInTheQuery() {
    ehr.stubFor(get(urlPathEqualTo("/fhir/Observation")).willReturn(okJson(bundle(null, "t1"))));

    fetch(fetcher, access(), Map.of("temperatures", "Observation?patient=p1&code=http://loinc.org|8310-5"));

    ehr.verify(getRequestedFor(urlPathEqualTo("/fhir/Observation")).withQueryParam("code", equalTo("http://loinc.org|8310-5")));
  }

  @Nested
  class Paging {

    @Test
    void followsNextLinksToTheLastPage() {
      ehr.stubFor(get(urlPathEqualTo("/fhir/Observation")).withQueryParam("page", equalTo("2"))
          .willReturn(okJson(bundle(null, "o3"))));
      ehr.stubFor(get(urlPathEqualTo("/fhir/Observation")).withQueryParam("page", equalTo("1"))
          .willReturn(okJson(bundle(ehr.baseUrl() + "/fhir/Observation?patient=p1&page=2", "o2"))));
      ehr.stubFor(get(urlPathEqualTo("/fhir/Observation")).withQueryParam("patient", equalTo("p1"))
          .withQueryParam("page", com.github.tomakehurst.wiremock.client.WireMock.absent())
          .willReturn(okJson(bundle(ehr.baseUrl() + "/fhir/Observation?patient=p1&page=1", "o1"))));

      var fetched = fetch(fetcher, access(), Map.of("skinFindings", "Observation?patient=p1"));

      assertThat(entries(fetched.get("skinFindings"))).isEqualTo(3);
    }

    @Test
    void stopsAtThePageBoundOnAnEndlessServer() {
      // Every page links to a new page: only the configured number of pages is read.
      ehr.stubFor(get(urlPathEqualTo("/fhir/Observation")).willReturn(aResponse()
          .withHeader("Content-Type", "application/fhir+json")
          .withBody(bundle(ehr.baseUrl() + "/fhir/Observation?patient=p1&page={{randomValue length=8 type='ALPHANUMERIC'}}", "o"))
          .withTransformers("response-template")));

      // A budget that five templated pages cannot exceed on a busy machine: the bound on pages is under test here.
      var unhurried = fetcherWith(Duration.ofSeconds(20), Duration.ofSeconds(10));

      var fetched = fetch(unhurried, access(), Map.of("skinFindings", "Observation?patient=p1"));

      assertThat(fetched.get("skinFindings")).hasSize(SETTINGS.maxPages());
    }

    @Test
    void stopsWhenANextLinkLoopsBack() {
      ehr.stubFor(get(urlPathEqualTo("/fhir/Observation"))
          .willReturn(okJson(bundle(ehr.baseUrl() + "/fhir/Observation?patient=p1", "o1"))));

      var fetched = fetch(fetcher, access(), Map.of("skinFindings", "Observation?patient=p1"));

      assertThat(fetched.get("skinFindings")).hasSize(1);
    }

    @Test
    void refusesANextLinkToAnotherServerSoTheTokenStaysHome() {
      ehr.stubFor(get(urlPathEqualTo("/fhir/Observation"))
          .willReturn(okJson(bundle("https://elsewhere.example.org/fhir/Observation?page=2", "o1"))));

      assertThat(failureOf("skinFindings", "Observation?patient=p1").get("skinFindings")).contains("another server");
    }
  }

  @Nested
  class Faults {

    @Test
    void serverErrorIsAFailureOfTheKey() {
      ehr.stubFor(get(urlPathEqualTo("/fhir/Observation")).willReturn(aResponse().withStatus(500)));

      assertThat(failureOf("plateletCounts", "Observation?patient=p1")).containsEntry("plateletCounts",
          "the FHIR server failed (HTTP 500)");
    }

    @Test
    void rejectedTokenIsAFailureOfTheKey() {
      ehr.stubFor(get(urlPathEqualTo("/fhir/Observation")).willReturn(aResponse().withStatus(401)));

      assertThat(failureOf("plateletCounts", "Observation?patient=p1").get("plateletCounts")).contains("HTTP 401");
    }

    @Test
    void forbiddenIsAFailureOfTheKey() {
      ehr.stubFor(get(urlPathEqualTo("/fhir/Observation")).willReturn(aResponse().withStatus(403)));

      assertThat(failureOf("plateletCounts", "Observation?patient=p1").get("plateletCounts")).contains("HTTP 403");
    }

    @Test
    void notFoundIsAFailureOfTheKey() {
      ehr.stubFor(get(urlPathEqualTo("/fhir/Patient/p1")).willReturn(aResponse().withStatus(404)));

      assertThat(failureOf("patient", "Patient/p1").get("patient")).contains("HTTP 404");
    }

    @Test
    void truncatedJsonIsAFailureOfTheKey() {
      ehr.stubFor(get(urlPathEqualTo("/fhir/Observation"))
          .willReturn(okJson("{\"resourceType\": \"Bundle\", \"entry\": [ {")));

      assertThat(failureOf("temperatures", "Observation?patient=p1").get("temperatures")).contains("malformed");
    }

    @Test
    void nonFhirBodyIsAFailureOfTheKey() {
      ehr.stubFor(get(urlPathEqualTo("/fhir/Observation"))
          .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody("<html>login</html>")));

      assertThat(failureOf("temperatures", "Observation?patient=p1").get("temperatures")).contains("malformed");
    }

    @Test
    void wrongResourceTypeIsAFailureOfTheKey() {
      ehr.stubFor(get(urlPathEqualTo("/fhir/Patient/p1")).willReturn(okJson("{\"resourceType\":\"Observation\",\"id\":\"x\"}")));

      assertThat(failureOf("patient", "Patient/p1").get("patient")).contains("Observation where a Patient was expected");
    }

    @Test
    void connectionResetIsAFailureOfTheKey() {
      ehr.stubFor(get(urlPathEqualTo("/fhir/Observation")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

      assertThat(failureOf("temperatures", "Observation?patient=p1").get("temperatures")).contains("connection");
    }

    @Test
    void connectionRefusedIsAFailureOfTheKey() throws Exception {
      int closedPort;
      try (ServerSocket socket = new ServerSocket(0)) {
        closedPort = socket.getLocalPort();
      }
      FhirAccess nowhere = new FhirAccess(URI.create("http://127.0.0.1:" + closedPort + "/fhir"), Optional.of(TOKEN));

      assertThatThrownBy(() -> fetch(fetcher, nowhere, Map.of("patient", "Patient/p1")))
          .isInstanceOfSatisfying(RequiredDataUnavailableException.class,
              e -> assertThat(e.reasonsByKey().get("patient")).contains("refused the connection"));
    }

    @Test
    void stalledServerFailsWithinTheBudget() {
      ehr.stubFor(get(urlPathEqualTo("/fhir/Observation")).willReturn(okJson(bundle(null, "o1")).withFixedDelay(8000)));
      long start = System.nanoTime();

      assertThat(failureOf("temperatures", "Observation?patient=p1")).containsKey("temperatures");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(SETTINGS.budget().plusMillis(500));
    }

    @Test
    void everyFailedKeyIsNamed() {
      ehr.stubFor(get(urlPathEqualTo("/fhir/Observation")).willReturn(aResponse().withStatus(500)));
      ehr.stubFor(get(urlPathEqualTo("/fhir/Condition")).willReturn(aResponse().withStatus(503)));
      ehr.stubFor(get(urlPathEqualTo("/fhir/Patient/p1")).willReturn(okJson("{\"resourceType\":\"Patient\",\"id\":\"p1\"}")));

      assertThatThrownBy(() -> fetch(fetcher, access(), Map.of(
              "temperatures", "Observation?patient=p1", "conditions", "Condition?patient=p1", "patient", "Patient/p1")))
          .isInstanceOfSatisfying(RequiredDataUnavailableException.class,
              e -> assertThat(e.reasonsByKey()).containsOnlyKeys("temperatures", "conditions"));
    }

    @Test
    void tokenNeverReachesTheLog(CapturedOutput output) {
      ehr.stubFor(get(urlPathEqualTo("/fhir/Observation")).willReturn(aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE)));

      failureOf("temperatures", "Observation?patient=p1");

      assertThat(output.getAll()).doesNotContain(TOKEN);
    }
  }

  @Test
  void plainHttpIsRefusedWhenHttpsIsRequiredExceptOnLoopback() {
    FhirServerFetcher strict = new FhirServerFetcher(FHIR,
        FetchSettingsFor.properties("budget=PT1S", "call-timeout=PT1S", "require-https=true"));
    FhirAccess remote = new FhirAccess(URI.create("http://ehr.example.org/fhir"), Optional.of(TOKEN));
    ehr.stubFor(get(urlPathEqualTo("/fhir/Patient/p1")).willReturn(okJson("{\"resourceType\":\"Patient\",\"id\":\"p1\"}")));

    assertThatThrownBy(() -> fetch(strict, remote, Map.of("patient", "Patient/p1")))
        .isInstanceOfSatisfying(RequiredDataUnavailableException.class,
            e -> assertThat(e.reasonsByKey().get("patient")).contains("https"));
    assertThat(fetch(strict, access(), Map.of("patient", "Patient/p1"))).containsKey("patient");
  }

  @Test
  void noThreadWaitsForTheServer() {
    ehr.stubFor(get(urlPathEqualTo("/fhir/Patient/p1"))
        .willReturn(okJson("{\"resourceType\":\"Patient\",\"id\":\"p1\"}").withFixedDelay(1500)));

    var pending = fetcherWith(Duration.ofSeconds(5), Duration.ofSeconds(4)).fetch(access(), Map.of("patient", "Patient/p1"));

    // The caller has its future back while the server has not answered: its thread is free for other calls.
    assertThat(pending).isNotDone();
    assertThat(Await.value(pending)).containsKey("patient");
  }

  @Test
  void missingKeysAreFetchedInParallel() {
    // Each answer takes 2 s: fetched one after the other, the second request would arrive 2 s after the
    // first; in parallel both arrive before either is answered (with room for a loaded machine).
    FhirServerFetcher patient = fetcherWith(Duration.ofSeconds(5), Duration.ofSeconds(4));
    ehr.stubFor(get(urlPathEqualTo("/fhir/Observation")).willReturn(okJson(bundle(null, "o1")).withFixedDelay(2000)));
    ehr.stubFor(get(urlPathEqualTo("/fhir/Condition")).willReturn(okJson(
        "{\"resourceType\":\"Bundle\",\"type\":\"searchset\"}").withFixedDelay(2000)));

    var fetched = fetch(patient, access(), Map.of("temperatures", "Observation?patient=p1", "conditions", "Condition?patient=p1"));

    assertThat(fetched).containsOnlyKeys("temperatures", "conditions");
    List<Long> arrivals = ehr.getAllServeEvents().stream()
        .map(event -> event.getRequest().getLoggedDate().getTime()).sorted().toList();
    assertThat(arrivals).hasSize(2);
    assertThat(arrivals.get(1) - arrivals.get(0)).isLessThan(2000);
  }
}
