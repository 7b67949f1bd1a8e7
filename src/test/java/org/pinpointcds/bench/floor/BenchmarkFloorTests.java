package org.pinpointcds.bench.floor;

import org.pinpointcds.testing.CdsCalls;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.pinpointcds.testing.HookRequest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The load test's floor answers a fixed card in the {@code benchmark} profile (and is a 404 without it: ErrorAnswerTests). */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("benchmark")
class BenchmarkFloorTests {

  @LocalServerPort
  int port;

  @Test
  void theFloorReadsTheBodyAndAnswersOneFixedCard() {
    CdsCalls.Answer answer = new CdsCalls(port).post(BenchmarkFloorController.PATH, CdsCalls.JSON,
        HookRequest.forAdult().toString());
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.cards()).singleElement().satisfies(card -> assertThat(card.path("summary").asText()).contains("floor"));
  }

  @Test
  void theFloorRefusesWhatIsNotJson() {
    assertThat(new CdsCalls(port).post(BenchmarkFloorController.PATH, CdsCalls.JSON, "{").status()).isEqualTo(400);
  }
}
