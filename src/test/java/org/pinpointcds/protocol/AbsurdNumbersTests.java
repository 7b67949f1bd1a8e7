package org.pinpointcds.protocol;

import org.pinpointcds.testing.CdsCalls;
import static org.assertj.core.api.Assertions.assertThat;
import static org.pinpointcds.protocol.ErrorAnswerTests.assertError;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pinpointcds.testing.Fhir;
import org.pinpointcds.testing.HookRequest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Numbers no measurement has, as an EHR's bug or an attacker may send them: beyond a double's range they are a 400
 * naming where they stand; within it, an implausible value is named under "Not read" (contract section 5). Never a
 * 500.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class AbsurdNumbersTests {

  /** Stands for the number under test in the request's JSON text. */
  private static final double MARK = 12345.678;
  private static final Instant AN_HOUR_AGO = Instant.now().minus(1, ChronoUnit.HOURS);

  @LocalServerPort
  int port;

  @ParameterizedTest
  @ValueSource(strings = {"1e999", "1E+309", "-1e999", "1e999999999"})
  void aPlateletCountBeyondADoubleIs400NamingTheElement(String number) {
    assertError(post(withPlatelets(), number), 400, "/prefetch/plateletCounts/entry/0/resource/valueQuantity/value");
  }

  @Test
  void aNineHundredNinetyNineDigitIntegerIs400NamingTheElement() {
    CdsCalls.Answer answer = post(withPlatelets(), "9".repeat(999));
    assertError(answer, 400, "/prefetch/plateletCounts/entry/0/resource/valueQuantity/value");
    assertThat(answer.body()).as("the number is not echoed whole").hasSizeLessThan(500);
  }

  @Test
  void aHugeTemperatureInKelvinIsNotRead() {
    HookRequest request = HookRequest.forAdult().add("skinFindings", petechiae())
        .add("temperatures", Fhir.temperature("temp-absurd", MARK, "K", AN_HOUR_AGO));
    CdsCalls.Answer answer = post(request, "1e300");
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.cards().get(0).path("detail").asText()).contains("Not read", "Observation/temp-absurd");
  }

  @Test
  void aSpotSizeThatOverflowsInMillimetresIsAnUnreadComponent() {
    HookRequest request = HookRequest.forAdult().add("skinFindings", petechiae().maxDiameter(MARK, "cm"));
    CdsCalls.Answer answer = post(request, "1e308");
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.cards()).extracting(card -> card.path("source").path("topic").path("code").asText())
        .containsExactly("same-day-cbc");
  }

  private static HookRequest withPlatelets() {
    return HookRequest.forAdult().add("skinFindings", petechiae())
        .add("plateletCounts", Fhir.plateletCount("platelets", MARK, "10*9/L", AN_HOUR_AGO));
  }

  private static Fhir.SkinFinding petechiae() {
    return Fhir.skinFinding("skin-petechiae", "petechiae", AN_HOUR_AGO);
  }

  private CdsCalls.Answer post(HookRequest request, String number) {
    return new CdsCalls(port).post(CdsCalls.TRIAGE, CdsCalls.JSON,
        request.toString().replace(String.valueOf(MARK), number));
  }
}
