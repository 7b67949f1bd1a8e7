package org.pinpointcds.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
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
import org.pinpointcds.testing.HookRequest;
import org.pinpointcds.triage.Assessment;
import org.pinpointcds.triage.Assessments;
import org.pinpointcds.triage.Reason;

/**
 * Over seeded random records with their history, from FHIR JSON through the hook call's data layer (which
 * chooses what to read) to the triage: the order of resources in a Bundle does not change the outcome, a resource
 * entered in error never does, and a red flag added, a mechanical trigger removed or lower platelet counts never
 * make the answer less urgent. The same monotonicity over snapshots: triage/TriagePropertyTests.
 */
class BundlePropertyTests {

  static Stream<Long> seeds() {
    return LongStream.range(0, 150).boxed();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void theOrderOfResourcesInABundleDoesNotChangeTheOutcome(long seed) {
    Random random = new Random(seed);
    List<Map.Entry<String, ObjectNode>> records = withHistory(random);
    List<Map.Entry<String, ObjectNode>> shuffled = new ArrayList<>(records);
    Collections.shuffle(shuffled, random);
    assertThat(summary(DataLayer.assess(request(shuffled)))).isEqualTo(summary(DataLayer.assess(request(records))));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void aResourceEnteredInErrorNeverChangesTheOutcome(long seed) {
    Random random = new Random(seed);
    List<Map.Entry<String, ObjectNode>> records = withHistory(random);
    List<Map.Entry<String, ObjectNode>> withMistake = new ArrayList<>(records);
    withMistake.add(random.nextInt(withMistake.size() + 1), RandomRecords.enteredInError(random));
    Assessment without = DataLayer.assess(request(records));
    Assessment with = DataLayer.assess(request(withMistake));
    assertThat(with.concerns()).isEqualTo(without.concerns());
    assertThat(with.contributingMedicines()).isEqualTo(without.contributingMedicines());
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void addingARedFlagToTheRecordNeverLowersUrgency(long seed) {
    Random random = new Random(seed);
    List<Map.Entry<String, ObjectNode>> records = withHistory(random);
    List<Map.Entry<String, ObjectNode>> flagged = new ArrayList<>(records);
    flagged.add(RandomRecords.redFlag(random));
    assertNeverLessUrgent(records, flagged);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void removingTheMechanicalTriggersFromTheRecordNeverLowersUrgency(long seed) {
    List<Map.Entry<String, ObjectNode>> records = withHistory(new Random(seed));
    List<Map.Entry<String, ObjectNode>> untriggered = records.stream().map(r -> Map.entry(r.getKey(), r.getValue().deepCopy()))
        .toList();
    untriggered.forEach(r -> {
      if (r.getValue().has("component")) {
        ((ArrayNode) r.getValue().get("component")).removeIf(c -> c.at("/code/coding/0/code").asText().equals("mechanical-trigger"));
      }
    });
    assertNeverLessUrgent(records, untriggered);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void lowerPlateletCountsNeverLowerUrgency(long seed) {
    Random random = new Random(seed);
    List<Map.Entry<String, ObjectNode>> records = withHistory(random);
    double factor = random.nextDouble();
    List<Map.Entry<String, ObjectNode>> lower = records.stream().map(r -> Map.entry(r.getKey(), r.getValue().deepCopy()))
        .toList();
    lower.stream().map(Map.Entry::getValue)
        .filter(r -> r.path("code").toString().contains("777-3") && r.path("valueQuantity").path("value").isNumber())
        .forEach(r -> ((ObjectNode) r.get("valueQuantity")).put("value", r.at("/valueQuantity/value").asDouble() * factor));
    assertNeverLessUrgent(records, lower);
  }

  private static List<Map.Entry<String, ObjectNode>> withHistory(Random random) {
    List<Map.Entry<String, ObjectNode>> records = new ArrayList<>(RandomRecords.records(random));
    records.addAll(RandomRecords.history(random));
    return records;
  }

  private static void assertNeverLessUrgent(List<Map.Entry<String, ObjectNode>> before, List<Map.Entry<String, ObjectNode>> after) {
    Assessment was = DataLayer.assess(request(before));
    Assessment is = DataLayer.assess(request(after));
    assertThat(Assessments.urgencyRank(is)).as("was %s, is %s", summary(was), summary(is))
        .isLessThanOrEqualTo(Assessments.urgencyRank(was));
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
