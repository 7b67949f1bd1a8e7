package org.pinpointcds.data;

import static java.time.Duration.ofDays;
import static java.time.Duration.ofHours;
import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.pinpointcds.data.DataLayer.ago;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pinpointcds.testing.Fhir;
import org.pinpointcds.testing.HookRequest;
import org.pinpointcds.triage.Assessment;
import org.pinpointcds.triage.Reason;

/**
 * Over seeded random records, from FHIR JSON to triage: the order of resources in a Bundle does not change
 * the outcome, and a resource entered in error never does.
 */
class BundlePropertyTests {

  static Stream<Long> seeds() {
    return LongStream.range(0, 150).boxed();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void theOrderOfResourcesInABundleDoesNotChangeTheOutcome(long seed) {
    Random random = new Random(seed);
    List<Map.Entry<String, ObjectNode>> records = RandomRecords.records(random);
    List<Map.Entry<String, ObjectNode>> shuffled = new ArrayList<>(records);
    Collections.shuffle(shuffled, random);
    assertThat(summary(DataLayer.assess(request(shuffled)))).isEqualTo(summary(DataLayer.assess(request(records))));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void aResourceEnteredInErrorNeverChangesTheOutcome(long seed) {
    Random random = new Random(seed);
    List<Map.Entry<String, ObjectNode>> records = RandomRecords.records(random);
    List<Map.Entry<String, ObjectNode>> withMistake = new ArrayList<>(records);
    withMistake.add(random.nextInt(withMistake.size() + 1), RandomRecords.enteredInError(random));
    Assessment without = DataLayer.assess(request(records));
    Assessment with = DataLayer.assess(request(withMistake));
    assertThat(with.concerns()).isEqualTo(without.concerns());
    assertThat(with.contributingMedicines()).isEqualTo(without.contributingMedicines());
  }

  /** Outcomes in order, each with its reasons and suggestions: what the cards would say. */
  private static List<String> summary(Assessment assessment) {
    return assessment.concerns().stream()
        .map(c -> c.outcome() + " " + c.reasons().stream().map(Reason::kind).sorted().toList() + " " + c.orders()
            + " " + c.recentCbc().isPresent())
        .toList();
  }

  private static HookRequest request(List<Map.Entry<String, ObjectNode>> records) {
    return RandomRecords.request(records);
  }
}
