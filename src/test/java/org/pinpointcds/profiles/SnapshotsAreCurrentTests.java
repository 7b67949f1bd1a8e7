package org.pinpointcds.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The snapshots committed in fhir-profiles/ are what HAPI generates from the committed differentials. */
class SnapshotsAreCurrentTests {

  static List<Path> structureDefinitions() {
    return SnapshotGenerator.structureDefinitionFiles();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("structureDefinitions")
  void committedSnapshotIsTheOneGeneratedFromTheDifferential(Path file) {
    StructureDefinition committed = (StructureDefinition) FhirPackage.read(file);

    String regenerated = SnapshotGenerator.encode(SnapshotGenerator.withGeneratedSnapshot(committed));

    assertThat(committed.hasSnapshot()).as("%s has a snapshot", file).isTrue();
    assertThat(SnapshotGenerator.encode(committed))
        .as("%s: snapshot is stale; regenerate it with SnapshotGenerator (see its javadoc)", file)
        .isEqualTo(regenerated);
  }
}
