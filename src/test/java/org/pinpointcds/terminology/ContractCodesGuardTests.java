package org.pinpointcds.terminology;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
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
import org.pinpointcds.triage.Outcome;
import org.pinpointcds.triage.Symptom;

/**
 * Guards {@code fhir-profiles/}: every code that contract sections 3.1, 4 and 5.4 name is in a CodeSystem at the
 * contract's URL, each component value nested under its component, and every code the reader knows is there too;
 * the standard codes that contract v2 sections 2, 4 and 5.6 name are in their value sets.
 */
class ContractCodesGuardTests {

  private static final Path PROFILES = Path.of("fhir-profiles");
  private static final Path CONTRACT = Path.of("..", "shared", "contract.md");
  private static final String BASE = "https://pinpoint-cds.org/fhir/CodeSystem/";
  private static final String VALUE_SET_BASE = "https://pinpoint-cds.org/fhir/ValueSet/";
  private static final String LOINC = "http://loinc.org";
  private static final String ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm";
  private static final String ATC = "http://www.whocc.no/atc";
  private static final String KEYWORD_USE = BASE + "designation-use";

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
  /** Contract v2, section 4: the outcomes of {@code source.topic}. */
  private static final List<String> OUTCOMES =
      List.of("emergency-evaluation", "same-day-cbc", "dermatology-referral", "check-blanching", "watchful-waiting");
  /** Back-quoted words of sections 3.1, 4 and 5.4 that are FHIR, UCUM or CDS Hooks vocabulary, not Pinpoint codes. */
  private static final Set<String> NOT_PINPOINT_CODES = Set.of("status", "category", "code", "entered-in-error",
      "cancelled", "mm", "skin-finding-component", "create", "stat", "asap", "urgent", "routine", "uuid", "summary",
      "indicator");

  /** Contract v2, section 2: the LOINC codes of the {@code plateletCounts} key. */
  private static final List<String> PLATELET_COUNT_CODES =
      List.of("777-3", "26515-7", "778-1", "13056-7", "26516-5", "97995-5", "49497-1");
  /** Contract v2, section 2: the CBC panels of the {@code cbcOrders} key; section 5.3: they may carry a platelet count. */
  private static final List<String> CBC_PANEL_CODES = List.of("58410-2", "57021-8", "69742-5", "57782-5");
  /** Contract v2, section 4: thrombocytopenia Conditions; a trailing x stands for every code of that category. */
  private static final List<String> THROMBOCYTOPENIA_CODES = List.of("D69.3", "D69.4x", "D69.5x", "D69.6");
  /** The main codes of the D69.4 and D69.5 categories, listed as concepts so that they carry displays and keywords. */
  private static final List<String> THROMBOCYTOPENIA_MEMBERS = List.of("D69.41", "D69.42", "D69.49", "D69.51", "D69.59");
  /** Contract v2, section 5.6: aspirin at every dose, and its combinations. */
  private static final List<String> ASPIRIN_ATC_CODES = List.of("B01AC06", "N02BA01", "N02BA51", "N02BA71", "B01AC30");

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
  void everyOutcomeIsInTheTriageOutcomeCodeSystemInUrgencyOrder() throws IOException {
    List<String> listed = new ArrayList<>();
    codeSystem("triage-outcome").path("concept").forEach(c -> listed.add(c.path("code").asText()));
    assertThat(listed).containsExactlyElementsOf(OUTCOMES);
  }

  @Test
  void everyOutcomeTheTriageKnowsIsInTheTriageOutcomeCodeSystem() throws IOException {
    Set<String> defined = codesUnder(codeSystem("triage-outcome"), null);
    assertThat(Stream.of(Outcome.values()).map(Outcome::topicCode)).allSatisfy(code -> assertThat(defined).contains(code));
  }

  @Test
  void everyPlateletCountCodeOfTheContractIsInThePlateletCountValueSet() throws IOException {
    JsonNode plateletCount = valueSet("platelet-count");
    assertThat(PLATELET_COUNT_CODES).allSatisfy(code -> assertThat(contains(plateletCount, LOINC, code)).as(code).isTrue());
  }

  @Test
  void everyCbcPanelOfTheContractIsAPanelThatMayCarryAPlateletCountAndACbcOrder() throws IOException {
    JsonNode panels = valueSet("platelet-panels");
    JsonNode orders = valueSet("cbc-orders");
    assertThat(CBC_PANEL_CODES).allSatisfy(code -> {
      assertThat(contains(panels, LOINC, code)).as("platelet-panels " + code).isTrue();
      assertThat(contains(orders, LOINC, code)).as("cbc-orders " + code).isTrue();
    });
    assertThat(PLATELET_COUNT_CODES).allSatisfy(code -> assertThat(contains(panels, LOINC, code)).as(code).isFalse());
  }

  @Test
  void thrombocytopeniaConditionsHoldEveryCodeAndCategoryOfTheContract() throws IOException {
    JsonNode conditions = valueSet("thrombocytopenia-conditions");
    for (String code : THROMBOCYTOPENIA_CODES) {
      if (code.endsWith("x")) {
        String category = code.substring(0, code.length() - 1);
        assertThat(hasIsAFilter(conditions, ICD10CM, category)).as("is-a filter " + category).isTrue();
      } else {
        assertThat(contains(conditions, ICD10CM, code)).as(code).isTrue();
      }
    }
    assertThat(THROMBOCYTOPENIA_MEMBERS).allSatisfy(code -> assertThat(listed(conditions, ICD10CM)).contains(code));
    assertThat(contains(conditions, ICD10CM, "D69.1")).as("D69.1 qualitative platelet defects").isFalse();
  }

  @Test
  void antiplateletsHoldAspirinAtEveryDoseAndTheWordAsa() throws IOException {
    JsonNode antiplatelets = valueSet("antiplatelets");
    assertThat(ASPIRIN_ATC_CODES).allSatisfy(code -> assertThat(contains(antiplatelets, ATC, code)).as(code).isTrue());
    assertThat(keywords(antiplatelets)).contains("asa", "aspirin");
  }

  @Test
  void theCodeListsAboveAreTheSharedContracts() throws IOException {
    Assumptions.assumeTrue(Files.exists(CONTRACT), "no ../shared/contract.md beside the project");
    String contract = Files.readString(CONTRACT);
    assertThat(matches(prefetchRow(contract, "plateletCounts"), "\\b\\d{1,6}-\\d\\b")).isEqualTo(PLATELET_COUNT_CODES);
    assertThat(matches(prefetchRow(contract, "cbcOrders"), "\\b\\d{1,6}-\\d\\b")).isEqualTo(CBC_PANEL_CODES);
    assertThat(matches(section(contract, "## 4.", "## 5."), "\\bD69\\.\\d+x?\\b")).isEqualTo(THROMBOCYTOPENIA_CODES);
    assertThat(matches(section(contract, "### 5.6", "### 5.7"), "\\b[A-Z]\\d\\d[A-Z]{2}\\d\\d\\b"))
        .isEqualTo(ASPIRIN_ATC_CODES);
    assertThat(section(contract, "### 5.6", "### 5.7")).contains("\"ASA\"");
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
    named.addAll(backQuotedCodes(section(contract, "## 4.", "## 5.")));
    named.addAll(backQuotedCodes(section(contract, "### 5.4", "### 5.5")));
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

  /** The ValueSet whose url is the contract's URL for {@code id}. */
  private static JsonNode valueSet(String id) throws IOException {
    Path file = PROFILES.resolve("ValueSet-" + id + ".json");
    assertThat(file).as("ValueSet " + id + " in fhir-profiles/").exists();
    JsonNode valueSet = MAPPER.readTree(file.toFile());
    assertThat(valueSet.path("url").asText()).isEqualTo(VALUE_SET_BASE + id);
    return valueSet;
  }

  /**
   * Whether the value set holds {@code code} as the loader reads it (fhir-profiles/README.md, "Coded matching"): a
   * listed concept, an include of the whole system, or an ATC or ICD-10-CM is-a filter read as a code prefix.
   */
  private static boolean contains(JsonNode valueSet, String system, String code) {
    for (JsonNode include : valueSet.path("compose").path("include")) {
      if (!system.equals(include.path("system").asText())) {
        continue;
      }
      if (!include.has("concept") && !include.has("filter")) {
        return true;
      }
      for (JsonNode concept : include.path("concept")) {
        if (code.equals(concept.path("code").asText())) {
          return true;
        }
      }
      for (JsonNode filter : include.path("filter")) {
        if ((system.equals(ATC) || system.equals(ICD10CM)) && "is-a".equals(filter.path("op").asText())
            && code.startsWith(filter.path("value").asText())) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean hasIsAFilter(JsonNode valueSet, String system, String value) {
    for (JsonNode include : valueSet.path("compose").path("include")) {
      for (JsonNode filter : include.path("filter")) {
        if (system.equals(include.path("system").asText()) && "is-a".equals(filter.path("op").asText())
            && value.equals(filter.path("value").asText())) {
          return true;
        }
      }
    }
    return false;
  }

  /** The codes listed as concepts of {@code system}. */
  private static Set<String> listed(JsonNode valueSet, String system) {
    Set<String> codes = new TreeSet<>();
    for (JsonNode include : valueSet.path("compose").path("include")) {
      if (system.equals(include.path("system").asText())) {
        include.path("concept").forEach(c -> codes.add(c.path("code").asText()));
      }
    }
    return codes;
  }

  /** The keywords of a value set, lower-case: each concept's display and its keyword designations. */
  private static Set<String> keywords(JsonNode valueSet) {
    Set<String> keywords = new TreeSet<>();
    for (JsonNode include : valueSet.path("compose").path("include")) {
      for (JsonNode concept : include.path("concept")) {
        if (concept.has("display")) {
          keywords.add(concept.path("display").asText().toLowerCase(Locale.ROOT));
        }
        for (JsonNode designation : concept.path("designation")) {
          if (KEYWORD_USE.equals(designation.path("use").path("system").asText())) {
            keywords.add(designation.path("value").asText().toLowerCase(Locale.ROOT));
          }
        }
      }
    }
    return keywords;
  }

  /** The table row of contract section 2 for a prefetch key. */
  private static String prefetchRow(String contract, String key) {
    return section(contract, "## 2.", "## 3.").lines().filter(line -> line.startsWith("| `" + key + "`")).findFirst()
        .orElseThrow(() -> new AssertionError("no prefetch key " + key + " in contract section 2"));
  }

  /** The distinct matches of {@code regex} in {@code text}, in order. */
  private static List<String> matches(String text, String regex) {
    Set<String> found = new LinkedHashSet<>();
    Matcher m = Pattern.compile(regex).matcher(text);
    while (m.find()) {
      found.add(m.group());
    }
    return List.copyOf(found);
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
