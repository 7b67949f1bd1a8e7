package org.pinpointcds.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which scenario files {@link ScenarioTests} runs: the repository's copy, plus what the shared folder adds. */
class ScenarioSourcesTests {

  @TempDir
  Path shared;

  @Test
  void runsTheRepositoryCopyWithoutASharedFolder() throws Exception {
    List<ScenarioTests.Scenario> scenarios = ScenarioTests.scenarios(shared.resolve("absent"));
    assertThat(scenarios).hasSizeGreaterThanOrEqualTo(17).allSatisfy(s -> assertThat(s.name()).endsWith("(repo)"));
  }

  @Test
  void picksUpANewSharedScenarioAndSkipsAnIdenticalCopy() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode copy = (ObjectNode) mapper.readTree(getClass().getResource("/scenarios/p01-fever-petechiae.json"));
    Files.writeString(shared.resolve("p01-fever-petechiae.json"), copy.toString());
    Files.writeString(shared.resolve("p99-new.json"), copy.deepCopy().put("id", "p99-new").toString());
    int own = ScenarioTests.scenarios(shared.resolve("absent")).size();
    List<ScenarioTests.Scenario> scenarios = ScenarioTests.scenarios(shared);
    assertThat(scenarios).hasSize(own + 1);
    assertThat(scenarios.get(own).name()).isEqualTo("p99-new (shared)");
  }
}
