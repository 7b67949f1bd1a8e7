package org.pinpointcds.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The profile admits every skin finding the acceptance scenarios send. */
class ScenarioSkinFindingsConformTests {

  static List<Scenarios> scenarios() {
    return Scenarios.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void everySkinFindingInTheScenarioConformsToPinpointSkinFinding(Scenarios scenario) {
    for (Observation finding : findings(scenario)) {
      assertThat(PackageValidator.get().errors(finding, FhirPackage.SKIN_FINDING))
          .as("%s, Observation/%s", scenario, finding.getIdElement().getIdPart())
          .isEmpty();
    }
  }

  @Test
  void theScenariosHoldSkinFindingsToCheck() {
    assertThat(scenarios()).hasSizeGreaterThanOrEqualTo(17);
    assertThat(scenarios().stream().mapToInt(s -> findings(s).size()).sum()).isGreaterThanOrEqualTo(15);
  }

  private static List<Observation> findings(Scenarios scenario) {
    return scenario.prefetchResources().stream().flatMap(r -> SkinFindings.in(r).stream()).toList();
  }
}
