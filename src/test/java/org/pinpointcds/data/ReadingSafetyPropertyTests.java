package org.pinpointcds.data;

import static java.time.Duration.ofHours;
import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.pinpointcds.data.DataLayer.ago;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pinpointcds.testing.Fhir;
import org.pinpointcds.testing.HookRequest;
import org.pinpointcds.triage.Assessment;
import org.pinpointcds.triage.DataGap;
import org.pinpointcds.triage.Outcome;

/**
 * Contract v2 section 5 as properties over seeded random records, read from FHIR JSON on the hook call's path and the
 * whole-resource path alike: what cannot be read never lowers urgency below what the section states, negating a red
 * flag never raises it, and a date without a time never falls out of a look-back its dateTime would be in.
 */
class ReadingSafetyPropertyTests {

  private static final String[] UNREADABLE = {"unit", "implausible", "text"};
  private static final String[] RED_FLAG_TEXTS = {"fever", "neck stiffness", "confusion", "gum bleeding", "nosebleed",
      "unexplained bruising"};
  private static final String[] NEGATIONS = {"no %s", "denies %s", "%s resolved", "negative for %s", "without %s"};

  /** Rank of the most urgent card: 0 for an emergency, and past every outcome when no card comes out. */
  private static int urgency(Assessment assessment) {
    return assessment.concerns().isEmpty() ? Outcome.values().length : assessment.concerns().get(0).outcome().ordinal();
  }

  private static Assessment assess(List<Map.Entry<String, ObjectNode>> records) {
    return DataLayer.assessBothWays(RandomRecords.request(records));
  }

  /** Random records with a recent petechiae finding that no trigger explains away, so that a card comes out. */
  private static List<Map.Entry<String, ObjectNode>> withAFinding(Random random) {
    List<Map.Entry<String, ObjectNode>> records = new ArrayList<>(RandomRecords.records(random));
    Fhir.SkinFinding finding = Fhir.skinFinding("skin-now", "petechiae", ago(ofHours(2))).extent("localized");
    if (random.nextBoolean()) {
      finding.trigger("vomiting");
    }
    records.add(Map.entry("skinFindings", finding.json()));
    return records;
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("org.pinpointcds.data.RandomRecords#seeds")
  void anUnreadableLatestCountNeverLeavesUrgencyBelowASameDayCbc(long seed) {
    Random random = new Random(seed);
    List<Map.Entry<String, ObjectNode>> records = withAFinding(random);
    // Now: no count of the records is later, so this one is the latest.
    ObjectNode count = Fhir.plateletCount("plt-latest", 5 + random.nextInt(300), "10*3/uL", ago(ofMinutes(0)));
    records.add(Map.entry("plateletCounts", count));
    unreadable(random, count);
    Assessment unread = assess(records);
    // A critical count read gives an emergency; unread, the latest count is unknown: a same-day CBC at least.
    assertThat(urgency(unread)).as("%s gave %s", count, unread).isLessThanOrEqualTo(Outcome.SAME_DAY_CBC.ordinal());
    assertThat(unread.unread()).extracting(DataGap::reference).contains("Observation/plt-latest");
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("org.pinpointcds.data.RandomRecords#seeds")
  void anUnreadableTemperatureIsNeverDroppedSilently(long seed) {
    Random random = new Random(seed);
    List<Map.Entry<String, ObjectNode>> records = withAFinding(random);
    ObjectNode temperature = Fhir.temperature("temp-unread", 36 + random.nextInt(60) / 10.0, "Cel",
        ago(ofMinutes(random.nextInt(23 * 60))));
    unreadable(random, temperature);
    records.add(Map.entry("temperatures", temperature));
    assertThat(assess(records).unread()).extracting(DataGap::reference).contains("Observation/temp-unread");
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("org.pinpointcds.data.RandomRecords#seeds")
  void negatingARedFlagPhraseNeverRaisesUrgency(long seed) {
    Random random = new Random(seed);
    List<Map.Entry<String, ObjectNode>> records = withAFinding(random);
    String flag = RandomRecords.pick(random, RED_FLAG_TEXTS);
    String negated = RandomRecords.pick(random, NEGATIONS).formatted(flag);
    boolean asCondition = random.nextBoolean();
    int plain = urgency(assess(withPhrase(records, asCondition, flag)));
    int negatedUrgency = urgency(assess(withPhrase(records, asCondition, negated)));
    assertThat(negatedUrgency).as("'%s' against '%s'", negated, flag).isGreaterThanOrEqualTo(plain);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("org.pinpointcds.data.RandomRecords#seeds")
  void aDateWithoutATimeNeverFallsOutOfALookBackItsDateTimeWouldBeIn(long seed) {
    Random random = new Random(seed);
    List<Map.Entry<String, ObjectNode>> records = withAFinding(random);
    Instant at = ago(Duration.ofMinutes(random.nextInt(3 * 24 * 60)));
    ObjectNode fever = Fhir.temperature("temp-fever", 38 + random.nextInt(20) / 10.0, "Cel", at);
    ObjectNode finding = Fhir.skinFinding("skin-dated", "petechiae", ago(Duration.ofHours(random.nextInt(16 * 24))))
        .symptom("confusion").json();
    List<Map.Entry<String, ObjectNode>> withDateTimes = new ArrayList<>(records);
    withDateTimes.add(Map.entry("temperatures", fever));
    withDateTimes.add(Map.entry("skinFindings", finding));
    int dateTimes = urgency(assess(withDateTimes));

    List<Map.Entry<String, ObjectNode>> withDates = new ArrayList<>(records);
    withDates.add(Map.entry("temperatures", dateOnly(fever.deepCopy())));
    withDates.add(Map.entry("skinFindings", dateOnly(finding.deepCopy())));
    assertThat(urgency(assess(withDates))).as("%s and %s by date only", fever, finding).isLessThanOrEqualTo(dateTimes);
  }

  /** The day of the Observation's effectiveDateTime, in UTC (the service's default site time zone). */
  private static ObjectNode dateOnly(ObjectNode observation) {
    Instant at = Instant.parse(observation.get("effectiveDateTime").asText());
    return observation.put("effectiveDateTime", at.atZone(ZoneOffset.UTC).toLocalDate().toString());
  }

  /** The phrase as a symptom component of the recent finding sent as text, or as a Condition known only by text. */
  private static List<Map.Entry<String, ObjectNode>> withPhrase(List<Map.Entry<String, ObjectNode>> records,
      boolean asCondition, String phrase) {
    List<Map.Entry<String, ObjectNode>> with = new ArrayList<>(records);
    if (asCondition) {
      ObjectNode condition = Fhir.condition("c-text", "R50.9", "active", ago(ofHours(3)));
      condition.set("code", Fhir.text(phrase));
      with.add(Map.entry("conditions", condition));
    } else {
      with.add(Map.entry("skinFindings", Fhir.skinFinding("skin-text", "petechiae", ago(ofHours(1))).extent("localized")
          .trigger("coughing").symptomText(phrase).json()));
    }
    return with;
  }

  /** Makes an Observation's value unreadable: a unit no one converts, an implausible value, or text. */
  private static void unreadable(Random random, ObjectNode observation) {
    ObjectNode quantity = (ObjectNode) observation.get("valueQuantity");
    switch (RandomRecords.pick(random, UNREADABLE)) {
      case "unit" -> quantity.put("value", 500).put("unit", "mmol/L").put("code", "mmol/L");
      case "implausible" -> quantity.put("value", quantity.get("value").asDouble() * 100_000);
      default -> {
        observation.remove("valueQuantity");
        observation.put("valueString", "see report");
      }
    }
  }
}
