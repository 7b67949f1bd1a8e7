package org.pinpointcds.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The examples in fhir-profiles/examples/ (sandbox patients included, when present) are valid against their
 * profiles, cover every finding and component, and the deliberately broken ones in
 * src/test/resources/profiles/invalid/ are rejected for the rule each one breaks.
 */
class ExamplesConformToProfilesTests {

  private static final Path INVALID = Path.of("src/test/resources/profiles/invalid");

  static List<Path> examples() {
    return FhirPackage.exampleFiles();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void everyExampleIsValidFhirR4AgainstTheProfilesItDeclares(Path file) {
    assertThat(PackageValidator.get().errors(FhirPackage.read(file))).as(file.toString()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void everySkinFindingInAnExampleConformsToPinpointSkinFinding(Path file) {
    for (Observation finding : SkinFindings.in(FhirPackage.read(file))) {
      assertThat(PackageValidator.get().errors(finding, FhirPackage.SKIN_FINDING))
          .as("%s, %s", file, finding.getIdElement().getIdPart())
          .isEmpty();
    }
  }

  @Test
  void ourExamplesDeclareTheirProfile() {
    for (Path file : examples()) {
      if (file.startsWith(FhirPackage.EXAMPLES.resolve("sandbox"))) {
        continue;
      }
      Resource resource = FhirPackage.read(file);
      String expected = resource instanceof ServiceRequest ? FhirPackage.SUGGESTED_ORDER : FhirPackage.SKIN_FINDING;
      assertThat(resource.getMeta().getProfile()).as(file.toString())
          .anyMatch(profile -> expected.equals(profile.getValue()));
    }
  }

  @Test
  void everySkinFindingCodeAndEveryComponentHasAnExample() {
    Set<String> findingCodes = new TreeSet<>();
    Set<String> componentCodes = new TreeSet<>();
    examples().stream().map(FhirPackage::read).flatMap(r -> SkinFindings.in(r).stream()).forEach(o -> {
      o.getCode().getCoding().stream().map(Coding::getCode).forEach(findingCodes::add);
      o.getComponent().forEach(c -> c.getCode().getCoding().stream().map(Coding::getCode).forEach(componentCodes::add));
    });

    assertThat(findingCodes).containsAll(topLevelCodes("CodeSystem-skin-finding.json"));
    assertThat(componentCodes).containsAll(topLevelCodes("CodeSystem-skin-finding-component.json"));
  }

  @Test
  void everySuggestedOrderPriorityHasAnExample() {
    Set<String> priorities = new TreeSet<>();
    examples().stream().map(FhirPackage::read)
        .filter(r -> r instanceof ServiceRequest)
        .forEach(r -> priorities.add(((ServiceRequest) r).getPriority().toCode()));

    assertThat(priorities).containsExactlyInAnyOrder("stat", "urgent", "routine");
  }

  static Stream<Arguments> brokenExamples() {
    return Stream.of(
        Arguments.of("skin-finding-without-effective.json", "Observation.effective[x]: minimum required = 1"),
        Arguments.of("skin-finding-without-exam-category.json", "Slice 'Observation.category:exam': a matching slice is required"),
        Arguments.of("skin-finding-without-subject.json", "Observation.subject: minimum required = 1"),
        Arguments.of("skin-finding-blanches-as-text.json", "allows for the type boolean but found type string"),
        Arguments.of("skin-finding-unknown-extent.json", "are in the value set 'Pinpoint Skin Finding Extent'"),
        Arguments.of("skin-finding-diameter-in-inches.json", "Value is '[in_i]' but is fixed to 'mm'"),
        Arguments.of("suggested-order-not-draft.json", "Value is 'active' but is fixed to 'draft'"),
        Arguments.of("suggested-order-without-priority.json", "ServiceRequest.priority: minimum required = 1"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenExamples")
  void aBrokenExampleIsRejectedForTheRuleItBreaks(String file, String expectedInAnError) {
    List<String> errors = PackageValidator.get().errors(FhirPackage.read(INVALID.resolve(file)));

    assertThat(errors).as(file).isNotEmpty();
    assertThat(String.join("\n", errors)).as(file).contains(expectedInAnError);
  }

  @Test
  void everyBrokenExampleHasAnExpectation() throws IOException {
    try (Stream<Path> files = Files.list(INVALID)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
          .containsExactlyElementsOf(brokenExamples().map(a -> (String) a.get()[0]).sorted().toList());
    }
  }

  private static Set<String> topLevelCodes(String codeSystemFile) {
    CodeSystem codeSystem = (CodeSystem) FhirPackage.read(FhirPackage.ROOT.resolve(codeSystemFile));
    Set<String> codes = new TreeSet<>();
    codeSystem.getConcept().forEach(c -> codes.add(c.getCode()));
    return codes;
  }

}
