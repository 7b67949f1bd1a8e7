package org.pinpointcds.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.function.Consumer;
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

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("org.pinpointcds.data.RandomRecords#seeds")
  void theOrderOfResourcesInABundleDoesNotChangeTheOutcome(long seed) {
    Random random = new Random(seed);
    List<Map.Entry<String, ObjectNode>> records = RandomRecords.withHistory(random);
    List<Map.Entry<String, ObjectNode>> shuffled = new ArrayList<>(records);
    Collections.shuffle(shuffled, random);
    assertThat(summary(DataLayer.assess(request(shuffled)))).isEqualTo(summary(DataLayer.assess(request(records))));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("org.pinpointcds.data.RandomRecords#seeds")
  void aResourceEnteredInErrorNeverChangesTheOutcome(long seed) {
    Random random = new Random(seed);
    List<Map.Entry<String, ObjectNode>> records = RandomRecords.withHistory(random);
    List<Map.Entry<String, ObjectNode>> withMistake = new ArrayList<>(records);
    withMistake.add(random.nextInt(withMistake.size() + 1), RandomRecords.enteredInError(random));
    Assessment without = DataLayer.assess(request(records));
    Assessment with = DataLayer.assess(request(withMistake));
    assertThat(with.concerns()).isEqualTo(without.concerns());
    assertThat(with.contributingMedicines()).isEqualTo(without.contributingMedicines());
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("org.pinpointcds.data.RandomRecords#seeds")
  void addingARedFlagToTheRecordNeverLowersUrgency(long seed) {
    assertNeverLessUrgent(seed, (random, records) -> {
      List<Map.Entry<String, ObjectNode>> flagged = new ArrayList<>(records);
      flagged.add(RandomRecords.redFlag(random));
      return flagged;
    });
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("org.pinpointcds.data.RandomRecords#seeds")
  void removingTheMechanicalTriggersFromTheRecordNeverLowersUrgency(long seed) {
    assertNeverLessUrgent(seed, (random, records) -> eachChanged(records, resource -> {
      if (resource.has("component")) {
        ((ArrayNode) resource.get("component"))
            .removeIf(c -> c.at("/code/coding/0/code").asText().equals("mechanical-trigger"));
      }
    }));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("org.pinpointcds.data.RandomRecords#seeds")
  void lowerPlateletCountsNeverLowerUrgency(long seed) {
    assertNeverLessUrgent(seed, (random, records) -> {
      double factor = random.nextDouble();
      return eachChanged(records, resource -> {
        if (resource.path("code").toString().contains("777-3") && resource.at("/valueQuantity/value").isNumber()) {
          ((ObjectNode) resource.get("valueQuantity")).put("value", resource.at("/valueQuantity/value").asDouble() * factor);
        }
      });
    });
  }

  /** Triages the seed's records before and after {@code change}: the answer after is at least as urgent. */
  private static void assertNeverLessUrgent(long seed, BiFunction<Random, List<Map.Entry<String, ObjectNode>>,
      List<Map.Entry<String, ObjectNode>>> change) {
    Random random = new Random(seed);
    List<Map.Entry<String, ObjectNode>> before = RandomRecords.withHistory(random);
    Assessment was = DataLayer.assess(request(before));
    Assessment is = DataLayer.assess(request(change.apply(random, before)));
    assertThat(Assessments.urgencyRank(is)).as("was %s, is %s", summary(was), summary(is))
        .isLessThanOrEqualTo(Assessments.urgencyRank(was));
  }

  /** A copy of the records with {@code change} applied to each resource. */
  private static List<Map.Entry<String, ObjectNode>> eachChanged(List<Map.Entry<String, ObjectNode>> records,
      Consumer<ObjectNode> change) {
    return records.stream().map(r -> {
      ObjectNode copy = r.getValue().deepCopy();
      change.accept(copy);
      return Map.entry(r.getKey(), copy);
    }).toList();
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
