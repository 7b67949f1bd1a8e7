package org.pinpointcds.terminology;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pinpointcds.triage.Coded;
import org.pinpointcds.triage.Distribution;
import org.pinpointcds.triage.Extent;
import org.pinpointcds.triage.LesionFeature;
import org.pinpointcds.triage.MechanicalTrigger;
import org.pinpointcds.triage.MucosalSite;
import org.pinpointcds.triage.Symptom;

/**
 * Guards {@code fhir-profiles/}: every code that contract sections 3.1 and 4 name is in a CodeSystem at the
 * contract's URL, each component value nested under its component, and every code the reader knows is there too.
 */
class ContractCodesGuardTests {

  private static final Path PROFILES = Path.of("fhir-profiles");
  private static final Path CONTRACT = Path.of("..", "shared", "contract.md");
  private static final String BASE = "https://pinpoint-cds.org/fhir/CodeSystem/";

  /** Contract v1, section 3.1: the finding codes, and each component with the values it may take. */
  private static final List<String> SKIN_FINDINGS =
      List.of("petechiae", "purpura", "non-blanching-rash", "cherry-angioma", "telangiectasia", "red-skin-lesion");
  private static final Map<String, List<String>> COMPONENTS = Map.of(
      "blanches", List.of(), "onset", List.of(), "spreading", List.of(), "max-diameter", List.of(),
      "extent", List.of("localized", "widespread"),
      "distribution", List.of("lower-legs", "face-neck-upper-chest", "trunk-limbs", "pressure-area", "generalized"),
      "mechanical-trigger", List.of("coughing", "vomiting", "heavy-lifting", "exercise", "pressure", "trauma"),
      "mucosal-involvement", List.of("mouth", "conjunctiva"),
      "associated-symptom", List.of("fever", "confusion", "neck-stiffness", "gum-bleeding", "nosebleed",
          "heavy-menstrual-bleeding", "blood-in-urine-or-stool", "unexplained-bruising"),
      "lesion-feature", List.of("irregular", "scaly", "crusting", "bleeds-easily", "rapidly-enlarging", "non-healing"));
  /** Contract v1, section 4: the outcomes of {@code source.topic}. */
  private static final List<String> OUTCOMES =
      List.of("emergency-evaluation", "same-day-cbc", "watchful-waiting", "dermatology-referral");
  /** Back-quoted words of sections 3.1 and 4 that are FHIR, UCUM or CDS Hooks vocabulary, not Pinpoint codes. */
  private static final Set<String> NOT_PINPOINT_CODES = Set.of("status", "category", "code", "entered-in-error",
      "cancelled", "mm", "skin-finding-component", "create", "stat", "urgent", "routine", "uuid", "summary", "indicator");

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void everySkinFindingCodeIsInTheSkinFindingCodeSystem() throws IOException {
    assertThat(codesUnder(codeSystem("skin-finding"), null)).containsAll(SKIN_FINDINGS);
  }

  @Test
  void everyComponentIsInTheComponentCodeSystemWithItsValuesNestedUnderIt() throws IOException {
    JsonNode components = codeSystem("skin-finding-component");
    assertThat(codesUnder(components, null)).containsAll(COMPONENTS.keySet());
    COMPONENTS.forEach((component, values) ->
        assertThat(codesUnder(components, component)).as(component).containsAll(values));
  }

  @Test
  void everyOutcomeIsInTheTriageOutcomeCodeSystem() throws IOException {
    assertThat(codesUnder(codeSystem("triage-outcome"), null)).containsAll(OUTCOMES);
  }

  static Stream<Object[]> readerVocabularies() {
    return Stream.of(new Object[] {"extent", Extent.values()}, new Object[] {"distribution", Distribution.values()},
        new Object[] {"mechanical-trigger", MechanicalTrigger.values()},
        new Object[] {"mucosal-involvement", MucosalSite.values()},
        new Object[] {"associated-symptom", Symptom.values()}, new Object[] {"lesion-feature", LesionFeature.values()});
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("readerVocabularies")
  void everyValueTheReaderKnowsIsNestedUnderItsComponent(String component, Coded[] values) throws IOException {
    Set<String> defined = codesUnder(codeSystem("skin-finding-component"), component);
    assertThat(Stream.of(values).map(Coded::code)).allSatisfy(code -> assertThat(defined).contains(code));
  }

  @Test
  void everyCodeTheSharedContractNamesIsDefined() throws IOException {
    Assumptions.assumeTrue(Files.exists(CONTRACT), "no ../shared/contract.md beside the project");
    String contract = Files.readString(CONTRACT);
    Set<String> named = new TreeSet<>();
    named.addAll(backQuotedCodes(section(contract, "### 3.1", "### 3.2")));
    named.addAll(backQuotedCodes(section(contract, "## 4.", null)));
    named.removeAll(NOT_PINPOINT_CODES);
    Set<String> defined = new TreeSet<>();
    for (String id : List.of("skin-finding", "skin-finding-component", "triage-outcome")) {
      defined.addAll(allCodes(codeSystem(id).path("concept")));
    }
    assertThat(named).isNotEmpty().allSatisfy(code -> assertThat(defined).as("defined codes").contains(code));
  }

  /** The CodeSystem whose url is the contract's URL for {@code id}. */
  private static JsonNode codeSystem(String id) throws IOException {
    Map<String, JsonNode> byUrl = new HashMap<>();
    try (Stream<Path> files = Files.list(PROFILES)) {
      for (Path file : files.filter(p -> p.getFileName().toString().startsWith("CodeSystem-")).toList()) {
        JsonNode json = MAPPER.readTree(file.toFile());
        byUrl.put(json.path("url").asText(), json);
      }
    }
    JsonNode codeSystem = byUrl.get(BASE + id);
    assertThat(codeSystem).as("CodeSystem " + BASE + id + " in fhir-profiles/").isNotNull();
    return codeSystem;
  }

  /** The codes directly under {@code parent}, or at the top level when it is null. */
  private static Set<String> codesUnder(JsonNode codeSystem, String parent) {
    JsonNode concepts = codeSystem.path("concept");
    if (parent != null) {
      concepts = concept(concepts, parent).path("concept");
    }
    Set<String> codes = new TreeSet<>();
    concepts.forEach(c -> codes.add(c.path("code").asText()));
    return codes;
  }

  private static Set<String> allCodes(JsonNode concepts) {
    Set<String> codes = new TreeSet<>();
    concepts.forEach(c -> {
      codes.add(c.path("code").asText());
      codes.addAll(allCodes(c.path("concept")));
    });
    return codes;
  }

  private static String section(String text, String start, String end) {
    int from = text.indexOf(start);
    assertThat(from).as("contract section " + start).isNotNegative();
    return end == null ? text.substring(from) : text.substring(from, text.indexOf(end, from));
  }

  private static Set<String> backQuotedCodes(String text) {
    Set<String> codes = new TreeSet<>();
    Matcher m = Pattern.compile("`([a-z]+(?:-[a-z]+)*)`").matcher(text);
    while (m.find()) {
      codes.add(m.group(1));
    }
    return codes;
  }

  /** The concept with {@code code} anywhere in a hierarchy; a missing node when there is none. */
  private static JsonNode concept(JsonNode concepts, String code) {
    for (JsonNode concept : concepts) {
      if (code.equals(concept.path("code").asText())) {
        return concept;
      }
      JsonNode nested = concept(concept.path("concept"), code);
      if (!nested.isMissingNode()) {
        return nested;
      }
    }
    return MissingNode.getInstance();
  }
}
