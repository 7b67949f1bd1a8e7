package org.pinpointcds.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.Element;
import org.hl7.fhir.r4.model.MetadataResource;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ValueSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** fhir-profiles/ is a FHIR R4 package: a package.json, and conformance resources that are valid and complete. */
class PackageResourcesAreValidTests {

  private static final String VERIFICATION = FhirPackage.CANONICAL + "/StructureDefinition/code-verification";

  static List<Path> conformanceFiles() {
    return FhirPackage.conformanceFiles();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("conformanceFiles")
  void everyConformanceResourceIsValidFhirR4(Path file) {
    assertThat(PackageValidator.get().errors(FhirPackage.read(file))).as(file.toString()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("conformanceFiles")
  void everyConformanceResourceHasStatusVersionDescriptionAndACanonicalUrlMatchingItsFileName(Path file) {
    Resource resource = FhirPackage.read(file);
    assertThat(resource).isInstanceOf(MetadataResource.class);
    MetadataResource metadata = (MetadataResource) resource;
    String type = resource.fhirType();
    String id = resource.getIdElement().getIdPart();

    assertThat(file.getFileName()).hasToString(type + "-" + id + ".json");
    assertThat(metadata.getUrl()).isEqualTo(FhirPackage.CANONICAL + "/" + type + "/" + id);
    assertThat(metadata.getVersion()).isEqualTo(packageJson().path("version").asText());
    assertThat(metadata.hasStatus()).isTrue();
    assertThat(metadata.getDescription()).isNotBlank();
  }

  /** README "Verification": every concept, and every ATC or ICD-10-CM filter, says how its code was checked and where. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("conformanceFiles")
  void everyConceptAndCodeFilterCarriesItsVerification(Path file) {
    List<String> missing = new ArrayList<>();
    Resource resource = FhirPackage.read(file);
    if (resource instanceof ValueSet valueSet) {
      for (ValueSet.ConceptSetComponent include : valueSet.getCompose().getInclude()) {
        include.getConcept().forEach(c -> requireVerification(c, include.getSystem() + "|" + c.getCode(), missing));
        include.getFilter().forEach(f -> requireVerification(f, include.getSystem() + " is-a " + f.getValue(), missing));
      }
    } else if (resource instanceof CodeSystem codeSystem) {
      requireVerification(codeSystem.getConcept(), missing);
    }
    assertThat(missing).as(file.toString()).isEmpty();
  }

  private static void requireVerification(List<CodeSystem.ConceptDefinitionComponent> concepts, List<String> missing) {
    for (CodeSystem.ConceptDefinitionComponent concept : concepts) {
      requireVerification(concept, concept.getCode(), missing);
      requireVerification(concept.getConcept(), missing);
    }
  }

  private static void requireVerification(Element element, String what, List<String> missing) {
    if (!element.hasExtension(VERIFICATION) || !element.hasExtension(VERIFICATION + "-source")) {
      missing.add(what);
    }
  }

  @Test
  void packageJsonNamesTheCanonicalFhirVersionAndCoreDependency() {
    JsonNode json = packageJson();

    assertThat(json.path("name").asText()).isEqualTo("pinpoint.fhir");
    assertThat(json.path("canonical").asText()).isEqualTo(FhirPackage.CANONICAL);
    assertThat(json.path("fhirVersions").get(0).asText()).isEqualTo("4.0.1");
    assertThat(json.path("dependencies").path("hl7.fhir.r4.core").asText()).isEqualTo("4.0.1");
    assertThat(json.path("version").asText()).matches("\\d+\\.\\d+\\.\\d+");
  }

  private static JsonNode packageJson() {
    try {
      return new ObjectMapper().readTree(FhirPackage.ROOT.resolve("package.json").toFile());
    } catch (IOException e) {
      throw new AssertionError("fhir-profiles/package.json does not read: " + e.getMessage(), e);
    }
  }

}
