package org.pinpointcds.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.MedicationRequest.MedicationRequestStatus;
import org.hl7.fhir.r4.model.Observation.ObservationStatus;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pinpointcds.triage.When;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The read plans state each rule once, and both paths follow them: the statuses that never count are every other
 * code of the value set, every date field and status is an element the hook call keeps, and what the lean parser
 * builds is what the plans say is read, none of it an element the hook call drops ({@link HookCallTree#UNREAD}).
 */
class ReadPlanTests {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final List<String> TYPES = List.of("Bundle", "Patient", "Observation", "Condition",
      "MedicationStatement", "MedicationRequest", "Medication", "ServiceRequest");
  /** Each plan's dates, by the resource type they date. */
  private static final Map<String, DateFields<?>> DATES = Map.of(
      "Observation", ObservationPlan.DATES,
      "Condition", ConditionPlan.DATES,
      "MedicationStatement", MedicationStatementPlan.END_DATES,
      "ServiceRequest", ServiceRequestPlan.DATES);

  @Test
  void whatNeverCountsIsEveryOtherCodeOfTheValueSet() {
    assertThat(MedicationStatementPlan.COUNTED.neverCounted())
        .containsExactlyInAnyOrder("entered-in-error", "intended", "on-hold", "unknown", "not-taken");
    assertThat(MedicationRequestPlan.STATUSES.neverCounted())
        .containsExactlyInAnyOrder("cancelled", "completed", "entered-in-error", "stopped", "draft", "unknown");
    assertThat(ObservationPlan.RESULTS.neverCounted())
        .containsExactlyInAnyOrder("registered", "preliminary", "cancelled", "entered-in-error", "unknown");
    assertThat(MedicationStatementPlan.COUNTED.counted()).containsExactly("active", "completed", "stopped");
  }

  @Test
  void aResourceWithoutAStatusCountsNowhereAndAnUnknownCodeIsLeftToTheReader() {
    assertThat(ObservationPlan.FINDINGS.counts((ObservationStatus) null)).isFalse();
    assertThat(MedicationRequestPlan.STATUSES.counts((MedicationRequestStatus) null)).isFalse();
    assertThat(MedicationStatementPlan.COUNTED.neverCounts("")).isFalse();
    assertThat(MedicationStatementPlan.COUNTED.neverCounts("taken")).isFalse();
    assertThatThrownBy(() -> Statuses.of(ServiceRequestStatus.class, ServiceRequestStatus::toCode, "active", "done"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void everyDateFieldAndStatusIsAnElementThatIsRead() {
    DATES.forEach((type, dates) -> dates.fields().forEach(field ->
        assertThat(ReadElements.reads(type, field.name().split("\\.")[0])).as(type + "." + field.name()).isTrue()));
    for (String type : List.of("Observation", "MedicationStatement", "MedicationRequest", "ServiceRequest")) {
      assertThat(ReadElements.reads(type, "status")).as(type).isTrue();
    }
    assertThat(ReadElements.reads("Condition", "clinicalStatus")).isTrue();
    assertThat(ReadElements.reads("Condition", "verificationStatus")).isTrue();
  }

  @Test
  void noElementThatIsReadCanBeDroppedUnseen() {
    for (String unread : HookCallTree.UNREAD) {
      for (String type : TYPES) {
        assertThat(ReadElements.reads(type, unread)).as(type + "." + unread).isFalse();
      }
    }
    // Every type of a choice element is read: the lean parser leaves one it does not build to HAPI's parser.
    assertThatThrownBy(() -> ReadElements.notRead("meta", "valueInteger")).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> ReadElements.notRead("link")).isInstanceOf(IllegalStateException.class);
  }

  /** Each date field's pointer and accessor name one element: the tree and the model read the same date. */
  @Test
  void eachDateFieldIsOneElementOnBothPaths() {
    DATES.forEach((type, dates) -> dates.fields().forEach(field -> {
      ObjectNode json = MAPPER.createObjectNode().put("resourceType", type);
      String[] path = field.name().split("\\.");
      ObjectNode parent = path.length == 1 ? json : json.putObject(path[0]);
      parent.put(path[path.length - 1], "2026-11-19T08:00:00+02:00");
      Instant onTree = TreeDates.first(json, dates).orElseThrow();
      @SuppressWarnings("unchecked")
      DateFields<Resource> fields = (DateFields<Resource>) dates;
      When onModel = fields.first((Resource) FhirJson.parse(DataLayer.FHIR, json), ZoneOffset.UTC).orElseThrow();
      assertThat(onModel.first()).as(type + "." + field.name()).isEqualTo(onTree)
          .isEqualTo(Instant.parse("2026-11-19T06:00:00Z"));
    }));
  }

  /** Of two dates of one moment, the first field's is the latest: a period keeps its written date. */
  @Test
  void theLatestOfTwoEqualDatesIsTheEarlierFields() {
    Condition condition = new Condition().setOnset(new DateTimeType("2026-11-19"))
        .setRecordedDateElement(new DateTimeType("2026-11-19T00:00:00Z"));
    assertThat(ConditionPlan.DATES.latest(condition, ZoneOffset.UTC).orElseThrow().period()).contains("2026-11-19");
    assertThat(ConditionPlan.DATES.names("nor")).isEqualTo("onsetDateTime, onsetPeriod.start nor recordedDate");
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("org.pinpointcds.data.RandomRecords#seeds")
  void theLeanParserBuildsWhatIsReadAndNothingElse(long seed) throws IOException {
    Random random = new Random(seed);
    List<ObjectNode> resources = new ArrayList<>();
    RandomRecords.withHistory(random)
        .forEach(record -> resources.add(RandomRecords.asEhrSends(random, record.getValue())));
    if (seed == 0) {
      resources.addAll(scenarioResources());
    }
    LeanParser parser = new LeanParser(DataLayer.FHIR);
    int builtLean = 0;
    for (ObjectNode json : resources) {
      String type = json.path("resourceType").asText();
      if (!TYPES.contains(type)) {
        continue;
      }
      // An element nothing reads and the hook call keeps: a model without it was built lean, not by HAPI's parser.
      Resource lean = parser.parse(PrefetchedResource.of("key", null, json.deepCopy().put("language", "en")));
      if (lean.hasLanguage()) {
        continue;
      }
      builtLean++;
      Set<String> built = elements(lean);
      built.forEach(element -> assertThat(ReadElements.reads(type, element)).as(type + "." + element + " of " + json)
          .isTrue());
      Set<String> read = elements(FhirJson.parse(DataLayer.FHIR, json));
      read.removeIf(element -> !ReadElements.reads(type, element));
      assertThat(built).as("the read elements of " + json).containsAll(read);
    }
    assertThat(builtLean).as("resources built lean").isPositive();
  }

  private static Set<String> elements(IBaseResource model) throws IOException {
    Set<String> names = new TreeSet<>();
    MAPPER.readTree(DataLayer.FHIR.newJsonParser().encodeResourceToString(model)).fieldNames()
        .forEachRemaining(names::add);
    return names;
  }

  private static List<ObjectNode> scenarioResources() throws IOException {
    List<ObjectNode> resources = new ArrayList<>();
    for (var file : new PathMatchingResourcePatternResolver().getResources("classpath:scenarios/*.json")) {
      JsonNode scenario;
      try (InputStream in = file.getInputStream()) {
        scenario = MAPPER.readTree(in);
      }
      for (JsonNode value : scenario.path("request").path("prefetch")) {
        if (value.path("resourceType").asText().equals("Bundle")) {
          value.path("entry").forEach(entry -> {
            if (entry.path("resource").isObject()) {
              resources.add((ObjectNode) entry.get("resource"));
            }
          });
        } else if (value.isObject()) {
          resources.add((ObjectNode) value);
        }
      }
    }
    assertThat(resources).isNotEmpty();
    return resources;
  }
}
