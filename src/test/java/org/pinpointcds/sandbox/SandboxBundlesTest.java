package org.pinpointcds.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import ca.uhn.fhir.util.ResourceReferenceInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pinpointcds.profiles.PackageValidator;

/** The committed sandbox Bundles: generated from the scenarios as they are now, and valid FHIR transactions. */
class SandboxBundlesTest {

  private static final String REGENERATE = "the sandbox Bundles are out of date with the scenarios; regenerate them "
      + "from the project root with: mvn -q test-compile exec:java@sandbox-bundles";

  private static final FhirContext FHIR = FhirContext.forR4Cached();
  private static final String SKIN_FINDING = "https://pinpoint-cds.org/fhir/CodeSystem/skin-finding";

  @Test
  void committedBundlesAreTheScenariosAsTheyAreNow() throws IOException {
    List<Path> scenarios = SandboxBundles.scenarioFolders();
    assumeTrue(scenarios.stream().allMatch(Files::isDirectory),
        "no scenarios at " + scenarios + "; point -Dpinpoint.scenarios at them");

    SortedMap<String, String> expected = SandboxBundles.generate(FHIR, scenarios);
    SortedMap<String, String> committed = SandboxBundles.committed(SandboxBundles.DEFAULT_OUTPUT);

    assertThat(committed.keySet()).as(REGENERATE).isEqualTo(expected.keySet());
    expected.forEach((name, content) ->
        assertThat(committed.get(name)).as(name + ": " + REGENERATE).isEqualTo(content));
  }

  static Stream<String> bundleFiles() throws IOException {
    return SandboxBundles.committed(SandboxBundles.DEFAULT_OUTPUT).keySet().stream();
  }

  @Test
  void thereIsABundleForEveryScenario() throws IOException {
    assertThat(bundleFiles()).hasSizeGreaterThanOrEqualTo(21); // p01-p17 (triage), p24-p27 (order check)
  }

  @ParameterizedTest
  @MethodSource("bundleFiles")
  void isAValidTransactionForOneSyntheticPatient(String name) throws IOException {
    IParser strict = FHIR.newJsonParser().setParserErrorHandler(new StrictErrorHandler());
    Bundle bundle = strict.parseResource(Bundle.class,
        Files.readString(SandboxBundles.DEFAULT_OUTPUT.resolve(name), StandardCharsets.UTF_8));
    String patientId = SandboxBundles.patientIdOf(name);
    String scenario = bundle.getIdentifier().getValue();

    assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.TRANSACTION);
    assertThat(bundle.hasTimestamp()).as("timestamp: the scenario's asOf, which the loader shifts from").isTrue();
    assertThat(bundle.getIdentifier().getSystem()).isEqualTo(SandboxBundles.SCENARIO_SYSTEM);
    assertThat(bundle.getEntry()).first().extracting(e -> e.getResource().getIdElement().getIdPart())
        .isEqualTo(patientId);
    assertThat(bundle.getEntry().stream().filter(e -> e.getResource() instanceof Patient)).hasSize(1);
    for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
      Resource resource = entry.getResource();
      String url = resource.fhirType() + "/" + resource.getIdElement().getIdPart();
      assertThat(entry.getRequest().getMethod()).as(url).isEqualTo(Bundle.HTTPVerb.PUT);
      assertThat(entry.getRequest().getUrl()).isEqualTo(url);
      assertThat(entry.getFullUrl()).isEqualTo(SandboxBundles.FULL_URL_BASE + url);
      assertThat(resource.getMeta().getTag(SandboxBundles.SYNTHETIC_TAG.getSystem(), "HTEST")).as(url).isNotNull();
      assertThat(resource.getMeta().getTag(SandboxBundles.SCENARIO_SYSTEM, scenario)).as(url).isNotNull();
      for (ResourceReferenceInfo reference : FHIR.newTerser().getAllResourceReferences(resource)) {
        if ("Patient".equals(reference.getResourceReference().getReferenceElement().getResourceType())) {
          assertThat(reference.getResourceReference().getReferenceElement().getValue())
              .as(url + " " + reference.getName()).isEqualTo("Patient/" + patientId);
        }
      }
    }

    assertThat(errors(bundle)).as(name).isEmpty();
  }

  @Test
  void validationFindsErrors() throws IOException {
    Bundle bundle = FHIR.newJsonParser().parseResource(Bundle.class, Files.readString(
        SandboxBundles.DEFAULT_OUTPUT.resolve(bundleFiles().findFirst().orElseThrow()), StandardCharsets.UTF_8));
    Observation finding = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
        .filter(Observation.class::isInstance).map(Observation.class::cast).findFirst().orElseThrow();
    finding.setStatus(null);
    finding.getCode().getCodingFirstRep().setSystem(SKIN_FINDING).setCode("no-such-finding");

    assertThat(errors(bundle)).anySatisfy(e -> assertThat(e).contains("Observation.status"))
        .anySatisfy(e -> assertThat(e).contains("no-such-finding"));
  }

  private static List<String> errors(Bundle bundle) {
    return PackageValidator.get().errors(bundle);
  }

  @Test
  void docsListEveryPatient() throws IOException {
    String docs = Files.readString(Path.of("docs", "sandbox.md"), StandardCharsets.UTF_8);
    for (String name : bundleFiles().toList()) {
      String patientId = SandboxBundles.patientIdOf(name);
      assertThat(docs).as("docs/sandbox.md lists " + patientId).contains("| `" + patientId + "` |");
    }
  }
}
