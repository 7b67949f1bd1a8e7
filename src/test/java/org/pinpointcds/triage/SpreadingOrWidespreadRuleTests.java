package org.pinpointcds.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Row "same-day-cbc": spots that are spreading or widespread, even with a mechanical cause. */
class SpreadingOrWidespreadRuleTests {

  @Test
  void sameDayWhenSpreadingDespiteAMechanicalCause() {
    assertSameDayAndNotWatchful(f -> f.spreading());
  }

  @Test
  void sameDayWhenWidespreadDespiteAMechanicalCause() {
    assertSameDayAndNotWatchful(f -> f.extent(Extent.WIDESPREAD));
  }

  @Test
  void sameDayWhenGeneralizedDespiteAMechanicalCause() {
    assertSameDayAndNotWatchful(f -> f.distribution(Distribution.GENERALIZED));
  }

  @Test
  void localizedSpotsWithAMechanicalCauseAreWatched() {
    Patients.Builder patient = Patients.adult()
        .with(Findings.petechiae().trigger(MechanicalTrigger.PRESSURE).extent(Extent.LOCALIZED)
            .distribution(Distribution.PRESSURE_AREA));
    assertThat(patient.outcome()).contains(Outcome.WATCHFUL_WAITING);
  }

  private static void assertSameDayAndNotWatchful(UnaryOperator<Findings.Builder> spread) {
    Patients.Builder patient =
        Patients.adult().with(spread.apply(Findings.petechiae().trigger(MechanicalTrigger.HEAVY_LIFTING)));
    assertThat(patient.outcome()).contains(Outcome.SAME_DAY_CBC);
    assertThat(patient.reasons())
        .contains(ReasonKind.SPREADING_OR_WIDESPREAD)
        .doesNotContain(ReasonKind.MECHANICAL_TRIGGER);
  }
}
