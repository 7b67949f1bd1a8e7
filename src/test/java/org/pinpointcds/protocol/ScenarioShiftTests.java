package org.pinpointcds.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The date shift gives what {@code run-scenarios.mjs} gives for the same scenario and the same moment. */
class ScenarioShiftTests {

  private static final long ONE_DAY_AND_A_BIT = Duration.ofDays(1).plusHours(3).plusMillis(250).toMillis();

  @Test
  void aDateMovesByWholeDaysReadAtNoonUtc() {
    assertThat(ScenarioShift.shift("2026-11-20", ONE_DAY_AND_A_BIT)).isEqualTo("2026-11-21");
    assertThat(ScenarioShift.shift("2026-11-20", Duration.ofHours(11).toMillis())).isEqualTo("2026-11-20");
    assertThat(ScenarioShift.shift("2026-11-20", Duration.ofHours(12).toMillis())).isEqualTo("2026-11-21");
  }

  @Test
  void aDateTimeMovesExactlyAndIsWrittenInUtc() {
    assertThat(ScenarioShift.shift("2026-11-20T08:00:00Z", ONE_DAY_AND_A_BIT)).isEqualTo("2026-11-21T11:00:00.250Z");
    assertThat(ScenarioShift.shift("2026-11-20T08:00:00+02:00", Duration.ofHours(1).toMillis()))
        .isEqualTo("2026-11-20T07:00:00Z");
    assertThat(ScenarioShift.shift("2026-11-20T08:00Z", 0)).isEqualTo("2026-11-20T08:00:00Z");
  }

  @Test
  void everyDateInsideTheRequestMovesAndNothingElse() throws Exception {
    JsonNode request = new ObjectMapper().readTree("""
        {"hookInstance": "2026-11-20", "context": {"patientId": "p1"},
         "prefetch": {"patient": {"birthDate": "1979-04-12", "id": "2026"},
                      "obs": [{"effectiveDateTime": "2026-11-20T08:00:00Z", "valueString": "2026-11-20 08:00"}]}}""");
    JsonNode shifted = ScenarioShift.shift(request, Duration.ofDays(2).toMillis());
    assertThat(shifted.at("/prefetch/patient/birthDate").asText()).isEqualTo("1979-04-14");
    assertThat(shifted.at("/prefetch/obs/0/effectiveDateTime").asText()).isEqualTo("2026-11-22T08:00:00Z");
    assertThat(shifted.at("/prefetch/obs/0/valueString").asText()).isEqualTo("2026-11-20 08:00");
    assertThat(shifted.at("/prefetch/patient/id").asText()).isEqualTo("2026");
    assertThat(shifted.at("/hookInstance").asText()).isEqualTo("2026-11-22");
  }
}
