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

  private static final String[] SYMPTOMS = {"fever", "confusion", "gum-bleeding", "unexplained-bruising"};
  private static final String[] FINDINGS = {"petechiae", "purpura", "cherry-angioma", "red-skin-lesion"};

  static Stream<Long> seeds() {
    return LongStream.range(0, 150).boxed();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void theOrderOfResourcesInABundleDoesNotChangeTheOutcome(long seed) {
    Random random = new Random(seed);
    List<Map.Entry<String, ObjectNode>> records = records(random);
    List<Map.Entry<String, ObjectNode>> shuffled = new ArrayList<>(records);
    Collections.shuffle(shuffled, random);
    assertThat(summary(DataLayer.assess(request(shuffled)))).isEqualTo(summary(DataLayer.assess(request(records))));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void aResourceEnteredInErrorNeverChangesTheOutcome(long seed) {
    Random random = new Random(seed);
    List<Map.Entry<String, ObjectNode>> records = records(random);
    List<Map.Entry<String, ObjectNode>> withMistake = new ArrayList<>(records);
    withMistake.add(random.nextInt(withMistake.size() + 1), enteredInError(random));
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
    HookRequest request = HookRequest.forAdult();
    records.forEach(r -> request.add(r.getKey(), r.getValue().deepCopy()));
    return request;
  }

  private static List<Map.Entry<String, ObjectNode>> records(Random random) {
    List<Map.Entry<String, ObjectNode>> records = new ArrayList<>();
    for (int i = random.nextInt(4); i >= 0; i--) {
      Fhir.SkinFinding finding = Fhir.skinFinding("skin-" + i, pick(random, FINDINGS), ago(ofHours(random.nextInt(400))));
      if (random.nextBoolean()) {
        finding.trigger("coughing");
      }
      if (random.nextInt(4) == 0) {
        finding.symptom(pick(random, SYMPTOMS));
      }
      if (random.nextInt(5) == 0) {
        finding.feature("irregular");
      }
      records.add(Map.entry("skinFindings", finding.json()));
    }
    for (int i = random.nextInt(3); i > 0; i--) {
      records.add(Map.entry("temperatures",
          Fhir.temperature("temp-" + i, 36.5 + random.nextInt(30) / 10.0, "Cel", ago(ofMinutes(random.nextInt(2000))))));
    }
    for (int i = random.nextInt(3); i > 0; i--) {
      // Whole hours apart at most: two counts may share a moment, which the lower one then wins.
      records.add(Map.entry("plateletCounts",
          Fhir.plateletCount("plt-" + i, 5 + random.nextInt(250), "10*3/uL", ago(ofHours(random.nextInt(3))))));
    }
    if (random.nextBoolean()) {
      records.add(Map.entry("medicationStatements", Fhir.medicationStatement("medst-1", "active",
          Fhir.concept(Fhir.RXNORM, random.nextBoolean() ? "11289" : "8640", null), ago(ofDays(20)))));
    }
    if (random.nextInt(3) == 0) {
      records.add(Map.entry("cbcOrders", Fhir.cbcOrder("sr-1", "active", ago(ofHours(random.nextInt(30))))));
    }
    return records;
  }

  /** A record that, were it counted, would change the answer: a red flag, a critical count, a blood thinner. */
  private static Map.Entry<String, ObjectNode> enteredInError(Random random) {
    String status = "entered-in-error";
    return switch (random.nextInt(7)) {
      case 0 -> Map.entry("skinFindings",
          Fhir.skinFinding("skin-x", "petechiae", ago(ofHours(1))).symptom("confusion").status(status).json());
      case 1 -> Map.entry("temperatures", Fhir.temperature("temp-x", 40.1, "Cel", ago(ofHours(1))).put("status", status));
      case 2 -> Map.entry("plateletCounts",
          Fhir.plateletCount("plt-x", 4, "10*3/uL", ago(ofMinutes(1))).put("status", status));
      case 3 -> Map.entry("conditions",
          Fhir.verificationStatus(Fhir.condition("c-x", "R50.9", "active", ago(ofHours(2))), status));
      case 4 -> Map.entry("medicationStatements",
          Fhir.medicationStatement("medst-x", status, Fhir.concept(Fhir.RXNORM, "1364430", null), ago(ofDays(3))));
      case 5 -> Map.entry("medicationRequests",
          Fhir.medicationRequest("mr-x", status, Fhir.concept(Fhir.RXNORM, "1364430", null)));
      default -> Map.entry("cbcOrders", Fhir.cbcOrder("sr-x", status, ago(ofHours(1))));
    };
  }

  private static String pick(Random random, String[] values) {
    return values[random.nextInt(values.length)];
  }
}
