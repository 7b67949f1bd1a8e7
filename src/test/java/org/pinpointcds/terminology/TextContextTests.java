package org.pinpointcds.terminology;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pinpointcds.testing.KeywordValueSet;

/**
 * Keywords in free text, read with the negation triggers, exclusions and clause breaks of {@code fhir-profiles/}
 * (contract section 5.4): a phrase table of the contract's examples and their near misses.
 */
class TextContextTests {

  private static final FhirContext FHIR = FhirContext.forR4Cached();
  private static final List<Path> LISTS = Stream.of("negation-triggers", "post-negation-triggers", "keyword-exclusions",
      "clause-breaks").map(id -> Path.of("fhir-profiles", "ValueSet-" + id + ".json")).toList();
  /** A value set of the table's keywords (separated by "+"), loaded with our lists; one per keyword set. */
  private static final Map<String, ValueSetIndex> KEYWORD_SETS = new ConcurrentHashMap<>();

  @ParameterizedTest(name = "{2} [{1}] -> {0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      # every pre-negation trigger of the contract
      false | fever          | no fever
      false | febrile        | Not febrile
      false | gum bleeding   | denies gum bleeding
      false | nosebleed      | Patient denied nosebleed
      false | rash           | without rash
      false | petechiae      | negative for petechiae
      false | petechiae      | absence of petechiae on the trunk
      false | petechiae      | free of petechiae
      false | meningitis     | ruled out meningitis
      # every post-negation trigger
      false | petechiae      | petechiae absent
      false | fever          | fever negative
      false | fever          | fever resolved
      # every exclusion, and a keyword beside one
      false | fever          | Hay fever
      false | aspirin        | aspirin free
      false | aspirin        | Aspirin-free cold remedy
      false | aspirin        | non-aspirin pain reliever
      true  | fever          | hay fever since May; fever of 38.6 today
      # near misses
      false | aspirin        | no longer on aspirin
      true  | fever          | fever of 39
      true  | petechiae      | Petechiae on both ankles after coughing; denies gum bleeding
      false | gum bleeding   | Petechiae on both ankles after coughing; denies gum bleeding
      true  | petechiae      | no fever but petechiae
      false | fever          | no fever but petechiae
      true  | nosebleed      | nosebleed
      true  | petechiae      | Nosebleed and petechiae on the legs
      true  | fever          | mother knows the fever started on Monday
      true  | fever          | nothing by mouth since the fever began
      true  | petechiae      | notable petechiae on the shins
      true  | non-blanching  | non-blanching rash
      true  | eliquis        | Eliquis 5 mg
      true  | fever          | no fever yesterday; fever today
      true  | fever          | fever resolved, fever again tonight
      true  | aspirin        | aspirin 81 mg, not clopidogrel
      false | clopidogrel    | aspirin 81 mg, not clopidogrel
      # the clause: a comma, a colon, a full stop and ConText's terminations end it; "or" and "and" do not
      true  | rash           | no fever, rash on legs
      false | rash           | no fever or rash
      false | fever          | no fever or rash
      false | petechiae      | no cough and petechiae
      true  | rash           | denies fever, chills, rash
      true  | petechiae      | no fever. Petechiae on the shins
      true  | petechiae      | negative for fever: petechiae on the shins
      true  | petechiae      | no trauma however petechiae on the shins
      true  | petechiae      | petechiae on the shins; fever resolved
      false | fever          | no temperature of 38.5 or fever
      false | fever, unspecified | no fever, unspecified
      true  | fever, unspecified | Fever, unspecified
      # a keyword that holds a trigger word, a short upper-case keyword, case and white space
      true  | not blanching  | rash not blanching
      true  | asa            | ASA 81 mg daily
      false | asa            | Asacol 400 mg
      false | asa            | no ASA
      false | fever          | NO FEVER
      false | gum bleeding   | negative  for gum bleeding
      true  | gum bleeding   | gum  bleeding
      true  | petechiae+fever | no petechiae; fever
      false | petechiae+fever | no petechiae or fever
      """)
  void aKeywordMatchesUnlessNegatedOrExcludedInItsClause(boolean matches, String keywords, String text) {
    assertThat(keywordSet(keywords).matchesText(text)).isEqualTo(matches);
  }

  @Test
  void aLineBreakEndsAClause() {
    assertThat(keywordSet("petechiae").matchesText("No fever\nPetechiae on the shins")).isTrue();
    assertThat(keywordSet("petechiae").matchesText("No fever or\r\npetechiae")).isTrue();
  }

  private static ValueSetIndex keywordSet(String keywords) {
    return KEYWORD_SETS.computeIfAbsent(keywords, TextContextTests::load);
  }

  private static ValueSetIndex load(String keywords) {
    TerminologyLoader loader = new TerminologyLoader(FHIR);
    for (Path list : LISTS) {
      try (InputStream in = Files.newInputStream(list)) {
        loader.add(list.getFileName().toString(), in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    String valueSet = KeywordValueSet.json(Terminology.valueSetUrl("phrase-table"), "urn:phrase-table", "k",
        List.of(keywords.split("\\+")));
    loader.add("phrase table", new ByteArrayInputStream(valueSet.getBytes(StandardCharsets.UTF_8)));
    return loader.build().valueSet("phrase-table");
  }
}
