package org.pinpointcds.profiles;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Resource;

/**
 * The FHIR package in {@code fhir-profiles/}: its conformance resources (top level) and its examples
 * ({@code examples/}, with the sandbox patients in {@code examples/sandbox/} when present). Read with a strict
 * parser, so that an unknown element is an error rather than silently dropped.
 */
final class FhirPackage {

  static final FhirContext FHIR = FhirContext.forR4Cached();
  static final Path ROOT = Path.of("fhir-profiles");
  static final Path EXAMPLES = ROOT.resolve("examples");
  static final String CANONICAL = "https://pinpoint-cds.org/fhir";
  static final String SKIN_FINDING = CANONICAL + "/StructureDefinition/pinpoint-skin-finding";
  static final String SUGGESTED_ORDER = CANONICAL + "/StructureDefinition/pinpoint-suggested-order";

  private FhirPackage() {}

  /** The package's own resources: every {@code *.json} at the top level except {@code package.json}. */
  static List<Path> conformanceFiles() {
    return jsonFiles(ROOT, 1).filter(p -> !p.getFileName().toString().equals("package.json")).toList();
  }

  /** Every example, sandbox patients included. */
  static List<Path> exampleFiles() {
    return Files.isDirectory(EXAMPLES) ? jsonFiles(EXAMPLES, Integer.MAX_VALUE).toList() : List.of();
  }

  static List<Resource> conformanceResources() {
    return conformanceFiles().stream().map(FhirPackage::read).toList();
  }

  static Resource read(Path file) {
    return parse(file.toString(), readString(file));
  }

  static Resource parse(String name, String json) {
    IParser parser = FHIR.newJsonParser().setParserErrorHandler(new StrictErrorHandler());
    try {
      return (Resource) parser.parseResource(json);
    } catch (RuntimeException e) {
      throw new AssertionError(name + " is not valid FHIR R4 JSON: " + e.getMessage(), e);
    }
  }

  static String readString(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Stream<Path> jsonFiles(Path folder, int depth) {
    try (Stream<Path> files = Files.walk(folder, depth)) {
      return files.filter(p -> p.toString().endsWith(".json") && Files.isRegularFile(p)).sorted().toList().stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
