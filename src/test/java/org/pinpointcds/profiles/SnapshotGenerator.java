package org.pinpointcds.profiles;

import ca.uhn.fhir.context.support.ValidationSupportContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hl7.fhir.r4.model.StructureDefinition;

/**
 * Generates the snapshot of each StructureDefinition in {@code fhir-profiles/} from its differential, with
 * HAPI's SnapshotGeneratingValidationSupport. The differential is the source; the snapshot is written back
 * into the same file. {@link SnapshotsAreCurrentTests} fails when a committed snapshot is stale; then run
 *
 * <pre>mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.pinpointcds.profiles.SnapshotGenerator</pre>
 */
public final class SnapshotGenerator {

  private SnapshotGenerator() {}

  public static void main(String[] args) throws IOException {
    for (Path file : structureDefinitionFiles()) {
      StructureDefinition profile = (StructureDefinition) FhirPackage.read(file);
      Files.writeString(file, encode(withGeneratedSnapshot(profile)), StandardCharsets.UTF_8);
      System.out.println("snapshot written: " + file);
    }
  }

  static java.util.List<Path> structureDefinitionFiles() {
    return FhirPackage.conformanceFiles().stream()
        .filter(p -> p.getFileName().toString().startsWith("StructureDefinition-"))
        .toList();
  }

  /** A copy of {@code profile} whose snapshot is generated from its differential. */
  static StructureDefinition withGeneratedSnapshot(StructureDefinition profile) {
    StructureDefinition input = profile.copy();
    input.setSnapshot(null);
    var support = PackageValidator.get().support();
    StructureDefinition generated = (StructureDefinition) support.generateSnapshot(
        new ValidationSupportContext(support), input, input.getUrl(), FhirPackage.CANONICAL, input.getName());
    if (generated == null || !generated.hasSnapshot()) {
      throw new IllegalStateException("no snapshot generated for " + profile.getUrl());
    }
    return generated;
  }

  static String encode(StructureDefinition profile) {
    return FhirPackage.FHIR.newJsonParser().setPrettyPrint(true).encodeResourceToString(profile) + "\n";
  }
}
