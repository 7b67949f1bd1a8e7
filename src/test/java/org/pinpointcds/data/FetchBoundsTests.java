package org.pinpointcds.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pinpointcds.testing.HostileFhirServer.declaredBody;
import static org.pinpointcds.testing.HostileFhirServer.endlessChunks;
import static org.pinpointcds.testing.HostileFhirServer.json;
import static org.pinpointcds.testing.HostileFhirServer.trickle;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pinpointcds.data.RequiredDataUnavailableException.Cause;
import org.pinpointcds.data.RequiredDataUnavailableException.Reason;
import org.pinpointcds.testing.Await;
import org.pinpointcds.testing.FetchSettingsFor;
import org.pinpointcds.testing.HostileFhirServer;

/**
 * A FHIR server that sends too much, forever, or too slowly, over a real socket: the fetch reads at most its cap,
 * the budget closes what is still open, each is a 412 with its cause, and honest fetches go on as before.
 */
class FetchBoundsTests {

  private static final FhirContext FHIR = FhirContext.forR4Cached();
  private static final String PATIENT = "{\"resourceType\":\"Patient\",\"id\":\"p1\"}";
  /** Far more than a cut-off answer can have put on the wire (the socket buffers) and far less than was offered. */
  private static final long WELL_UNDER_WHAT_WAS_OFFERED = 100L << 20;
  /** Generous for a loaded machine, and far from the budget the cap tests give: the cap must be what cuts. */
  private static final Duration PROMPTLY = Duration.ofSeconds(8);

  private final HostileFhirServer ehr = HostileFhirServer.start(json(PATIENT));

  @AfterEach
  void stop() throws IOException {
    ehr.close();
  }

  @Test
  void aBodyDeclaredAt500MegabytesIsABadResponseAtOnce() throws Exception {
    ehr.answer(declaredBody(500L << 20));

    assertCutAtTheCap();
  }

  @Test
  void anEndlessChunkedBodyIsCutAtTheCap() throws Exception {
    ehr.answer(endlessChunks());

    assertCutAtTheCap();
  }

  @Test
  void theBudgetClosesAnAnswerTrickledForever() throws Exception {
    // The headers come at once, so the call timeout (which ends at the headers) never fires: only the budget can.
    FhirServerFetcher fetcher =
        new FhirServerFetcher(FHIR, FetchSettingsFor.properties("budget=PT1S", "call-timeout=PT1S"));
    ehr.answer(trickle(Duration.ofMillis(50)));

    assertThat(failure(fetcher).cause()).isEqualTo(Cause.TIMEOUT);
    assertThat(ehr.awaitHangUps(1, PROMPTLY)).as("Pinpoint closed the trickling connection").isTrue();

    assertHonestFetchesGoOn(fetcher);
  }

  @Test
  void aRequestStillWaitingForAPlaceWhenTheBudgetEndsIsNeverSent() throws Exception {
    FhirServerFetcher oneAtATime = new FhirServerFetcher(FHIR,
        FetchSettingsFor.properties("budget=PT1S", "call-timeout=PT1S", "max-concurrent-requests=1"));
    ehr.answer(trickle(Duration.ofMillis(50)));

    assertThatThrownBy(() -> Await.value(oneAtATime.fetch(access(),
            Map.of("patient", "Patient/p1", "conditions", "Condition?patient=p1"))))
        .isInstanceOfSatisfying(RequiredDataUnavailableException.class,
            e -> assertThat(e.causes()).containsExactly(Cause.TIMEOUT));
    assertThat(ehr.awaitHangUps(1, PROMPTLY)).isTrue();
    // A request sent after the round ended would reach the server at once; give it time to.
    Thread.sleep(500);

    assertThat(ehr.requests()).hasSize(1);
  }

  private void assertCutAtTheCap() throws InterruptedException {
    FhirServerFetcher fetcher = new FhirServerFetcher(FHIR,
        FetchSettingsFor.properties("max-body-size=1MB", "budget=PT30S", "call-timeout=PT30S"));
    long start = System.nanoTime();

    Reason reason = failure(fetcher);

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(PROMPTLY);
    assertThat(reason.cause()).isEqualTo(Cause.BAD_RESPONSE);
    assertThat(reason.text()).contains("larger than 1048576 bytes");
    assertThat(ehr.awaitHangUps(1, PROMPTLY)).as("Pinpoint closed the connection").isTrue();
    assertThat(ehr.bytesWritten()).isLessThan(WELL_UNDER_WHAT_WAS_OFFERED);

    assertHonestFetchesGoOn(fetcher);
  }

  private void assertHonestFetchesGoOn(FhirServerFetcher fetcher) {
    ehr.answer(json(PATIENT));

    assertThat(Await.value(fetcher.fetch(access(), Map.of("patient", "Patient/p1")))).containsKey("patient");
  }

  private Reason failure(FhirServerFetcher fetcher) {
    try {
      Await.value(fetcher.fetch(access(), Map.of("patient", "Patient/p1")));
    } catch (RequiredDataUnavailableException e) {
      assertThat(e.reasons()).containsOnlyKeys("patient");
      return e.reasons().get("patient");
    }
    throw new AssertionError("the fetch did not fail");
  }

  private FhirAccess access() {
    return new FhirAccess(ehr.base(), Optional.of("token"));
  }
}
