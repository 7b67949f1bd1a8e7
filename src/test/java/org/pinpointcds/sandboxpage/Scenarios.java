package org.pinpointcds.sandboxpage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/** The scenarios the page ships, with the outcome each must show. */
final class Scenarios {

  /** One scenario's id and the most urgent card it must get: topic and indicator, or null for no card. */
  record Expected(String id, String topic, String indicator) {

    @Override
    public String toString() {
      return id + " -> " + (topic == null ? "no card" : topic + " (" + indicator + ")");
    }
  }

  private Scenarios() {}

  static List<Expected> shipped() {
    List<Expected> expected = new ArrayList<>();
    for (JsonNode scenario : new ScenarioLibrary(new ObjectMapper()).all()) {
      JsonNode expect = scenario.path("expect");
      expected.add(new Expected(scenario.get("id").asText(), expect.path("outcome").textValue(),
          expect.path("indicator").textValue()));
    }
    return expected;
  }
}
