package org.pinpointcds.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pinpointcds.config.TerminologyFiles;
import org.pinpointcds.terminology.Terminology;
import org.pinpointcds.testing.KeywordValueSet;

/**
 * A site's ValueSets and ConceptMaps (pinpoint.terminology.extra-path) are added to ours (codes, keywords, the phrases
 * of the free-text lists), or stop start-up.
 */
class SiteTerminologyTests {

  static final Path SITE_EXAMPLE = Path.of("docs/site-example/terminology");
  private static final FhirContext FHIR = FhirContext.forR4Cached();
  private static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
  private static final String FLOWSHEET = "https://ehr.example.org/fhir/CodeSystem/skin-flowsheet";
  private static final String COMPONENTS = Terminology.codeSystemUrl("skin-finding-component");

  private final Terminology ours = TerminologyFiles.load(FHIR, null);
  private final Terminology withSite = TerminologyFiles.load(FHIR, SITE_EXAMPLE.toString());

  @Test
  void aSiteValueSetWithOurUrlAddsItsCodesToOurs() {
    assertThat(ours.valueSet("non-blanching-findings").contains(FLOWSHEET, "SKIN-PETECH")).isFalse();

    assertThat(withSite.valueSet("non-blanching-findings").contains(FLOWSHEET, "SKIN-PETECH")).isTrue();
    assertThat(withSite.valueSet("non-blanching-findings")
        .contains(Terminology.codeSystemUrl("skin-finding"), "petechiae")).isTrue();
  }

  @Test
  void aVsacExpansionAtClinicalDrugLevelAddsItsCodesToTheDrugClass() {
    assertThat(ours.valueSet("factor-xa-inhibitors").contains(RXNORM, "1364445")).isFalse();

    assertThat(withSite.valueSet("factor-xa-inhibitors").contains(RXNORM, "1364445")).isTrue();
    assertThat(withSite.valueSet("factor-xa-inhibitors").contains(RXNORM, "1364430")).isTrue();
  }

  @Test
  void aConceptMapMapsLocalCodesOntoOurComponentCodesAndValueSets() {
    assertThat(withSite.translate(FLOWSHEET, "GLASS-TEST", COMPONENTS)).containsExactly("blanches");
    assertThat(withSite.translate(FLOWSHEET, "SITE-SHINS", COMPONENTS)).containsExactly("lower-legs");
    assertThat(withSite.valueSet("skin-finding-distribution").contains(FLOWSHEET, "SITE-SHINS")).isTrue();
    assertThat(ours.translate(FLOWSHEET, "GLASS-TEST", COMPONENTS)).isEmpty();
  }

  @Test
  void theSourcesOfEachValueSetAreKnownWithTheirVersions() {
    assertThat(withSite.valueSetSources().get(Terminology.valueSetUrl("factor-xa-inhibitors")))
        .extracting(s -> s.version() + " " + s.site())
        .containsExactly("1.0.0 false", "20260401-example true");
    assertThat(withSite.conceptMaps()).containsKey("https://ehr.example.org/fhir/ConceptMap/flowsheet-to-pinpoint");
  }

  static Stream<Arguments> textContextAdditions() {
    return Stream.of(
        Arguments.of("negation-triggers", "pre-negation", "never had", "non-blanching-findings", "never had petechiae", false),
        Arguments.of("post-negation-triggers", "post-negation", "faded", "non-blanching-findings", "petechiae faded", false),
        Arguments.of("keyword-exclusions", "exclusion", "fever clinic", "fever-conditions", "seen in the fever clinic", false),
        Arguments.of("clause-breaks", "clause-break", "then", "non-blanching-findings", "no cough then petechiae", true));
  }

  @ParameterizedTest(name = "{0}: {2}")
  @MethodSource("textContextAdditions")
  void aSiteValueSetWithTheUrlOfATextContextListAddsItsPhrases(String list, String role, String phrase,
      String valueSet, String text, boolean matchedWithTheSitePhrase, @TempDir Path folder) throws IOException {
    Files.writeString(folder.resolve("ValueSet-" + list + ".json"), KeywordValueSet.json(Terminology.valueSetUrl(list),
        Terminology.codeSystemUrl("text-context"), role, List.of(phrase)));

    assertThat(ours.valueSet(valueSet).matchesText(text)).isEqualTo(!matchedWithTheSitePhrase);
    assertThat(TerminologyFiles.load(FHIR, folder.toString()).valueSet(valueSet).matchesText(text))
        .isEqualTo(matchedWithTheSitePhrase);
  }

  static Stream<Arguments> malformedSiteFiles() {
    String vs = "{\"resourceType\":\"ValueSet\",\"url\":\"" + Terminology.valueSetUrl("heparins") + "\",\"status\":\"active\",";
    String cm = "{\"resourceType\":\"ConceptMap\",\"url\":\"https://ehr.example.org/cm\",\"status\":\"active\",";
    return Stream.of(
        Arguments.of("not JSON", "{\"resourceType\": \"ValueSet\",", "is not FHIR R4 JSON"),
        Arguments.of("an unknown element", vs + "\"compose\":{\"includes\":[{\"system\":\"x\"}]}}", "is not FHIR R4 JSON"),
        Arguments.of("not terminology", "{\"resourceType\":\"Patient\",\"id\":\"p1\"}", "is a Patient"),
        Arguments.of("no url", "{\"resourceType\":\"ValueSet\",\"status\":\"active\",\"compose\":{\"include\":[{\"system\":\"x\"}]}}",
            "has no url"),
        Arguments.of("nothing in it", vs + "\"compose\":{\"include\":[]}}", "neither compose.include nor expansion.contains"),
        Arguments.of("an exclude", vs + "\"compose\":{\"include\":[{\"system\":\"x\"}],\"exclude\":[{\"system\":\"x\"}]}}",
            "compose.exclude is not supported"),
        Arguments.of("a regex filter", vs + "\"compose\":{\"include\":[{\"system\":\"x\",\"filter\":[{\"property\":\"code\","
            + "\"op\":\"regex\",\"value\":\"B01.*\"}]}]}}", "only is-a filters"),
        Arguments.of("an imported value set", vs + "\"compose\":{\"include\":[{\"valueSet\":[\"http://x/vs\"]}]}}",
            "importing another value set"),
        Arguments.of("a group without target", cm + "\"group\":[{\"source\":\"x\",\"element\":[{\"code\":\"a\","
            + "\"target\":[{\"code\":\"b\",\"equivalence\":\"equivalent\"}]}]}]}", "needs a source and a target"),
        Arguments.of("a target outside our value sets", cm + "\"group\":[{\"source\":\"" + FLOWSHEET + "\",\"target\":\""
            + COMPONENTS + "\",\"element\":[{\"code\":\"X\",\"target\":[{\"code\":\"no-such-code\",\"equivalence\":\"equivalent\"}]}]}]}",
            "which is in none of Pinpoint's value sets"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedSiteFiles")
  void aMalformedSiteFileStopsStartUpNamingTheFileAndTheProblem(String what, String json, String problem,
      @TempDir Path folder) throws IOException {
    Path file = Files.writeString(folder.resolve("site-file.json"), json);

    assertThatThrownBy(() -> TerminologyFiles.load(FHIR, folder.toString()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining(problem);
  }

  @Test
  void aMissingSiteFolderStopsStartUp(@TempDir Path folder) {
    assertThatThrownBy(() -> TerminologyFiles.load(FHIR, folder.resolve("nowhere").toString()))
        .hasMessageContaining("pinpoint.terminology.extra-path")
        .hasMessageContaining("is not a folder");
  }
}
