package org.pinpointcds.protocol;

import org.pinpointcds.testing.CdsCalls;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pinpointcds.testing.Fhir;
import org.pinpointcds.testing.HookRequest;
import org.pinpointcds.testing.HostileFhirServer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 16's attacks by the EHR's FHIR server, against the running service: an endless body and a body trickled
 * forever are each a 412 naming the key and its cause, within the budget, and the service then answers honest calls
 * as before. The cap is small here so that the test holds little; production's is 16 MB.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "pinpoint.fetch.max-body-size=1MB")
class HostileFhirServerTests {

  private static final String PATIENT = Fhir.patient(HookRequest.PATIENT_ID, HookRequest.ADULT_BIRTH_DATE).toString();
  /** The default 2 s budget, with ample room for a loaded machine's first call: unbounded, a trickle never ends. */
  private static final Duration WITHIN_THE_BUDGET = Duration.ofSeconds(15);

  private final HostileFhirServer ehr = HostileFhirServer.start(HostileFhirServer.endlessChunks());

  @LocalServerPort
  int port;

  @AfterEach
  void stop() throws IOException {
    ehr.close();
  }

  @Test
  void anEndlessBodyIsA412BadResponse() {
    CdsCalls.Answer answer = callFetchingThePatient();

    assertThat(answer.status()).isEqualTo(412);
    assertThat(answer.body()).contains("prefetch.patient", "larger than 1048576 bytes");
    assertHonestCallsAreAnswered();
  }

  @Test
  void aBodyTrickledForeverIsA412TimeoutAndItsConnectionIsClosed() throws Exception {
    ehr.answer(HostileFhirServer.trickle(Duration.ofMillis(50)));
    long start = System.nanoTime();

    CdsCalls.Answer answer = callFetchingThePatient();

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(WITHIN_THE_BUDGET);
    assertThat(answer.status()).isEqualTo(412);
    assertThat(answer.body()).contains("prefetch.patient", "budget");
    assertThat(ehr.awaitHangUps(1, WITHIN_THE_BUDGET)).as("the service closed the trickling connection").isTrue();
    assertHonestCallsAreAnswered();
  }

  private void assertHonestCallsAreAnswered() {
    ehr.answer(HostileFhirServer.json(PATIENT));

    assertThat(callFetchingThePatient().status()).isEqualTo(200);
  }

  private CdsCalls.Answer callFetchingThePatient() {
    return new CdsCalls(port)
        .triage(HookRequest.forAdult().without("patient").field("fhirServer", ehr.base().toString()));
  }
}
