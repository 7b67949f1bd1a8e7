package org.pinpointcds.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.BiFunction;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Monotonicity of the triage over seeded random patients: more danger never makes a less urgent answer.
 * A failing seed reproduces exactly.
 */
class TriagePropertyTests {

  static Stream<Long> seeds() {
    return LongStream.range(0, 300).boxed();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void addingAWarningSignNeverLowersUrgency(long seed) {
    assertNeverLessUrgent(seed, RandomPatients::withWarningSign);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void removingAMechanicalTriggerNeverLowersUrgency(long seed) {
    assertNeverLessUrgent(seed, RandomPatients::withoutATrigger);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void aLowerPlateletCountNeverLowersUrgency(long seed) {
    assertNeverLessUrgent(seed, RandomPatients::withLowerPlatelets);
  }

  private static void assertNeverLessUrgent(
      long seed, BiFunction<RandomPatients, PatientSnapshot, PatientSnapshot> change) {
    RandomPatients patients = new RandomPatients(seed);
    PatientSnapshot before = patients.snapshot();
    PatientSnapshot after = change.apply(patients, before);
    Assessment was = Patients.triage().assess(before);
    Assessment is = Patients.triage().assess(after);
    assertThat(Assessments.urgencyRank(is))
        .as("before: %s%nafter: %s%nwas %s, is %s", before, after, Assessments.outcomes(was), Assessments.outcomes(is))
        .isLessThanOrEqualTo(Assessments.urgencyRank(was));
  }
}
