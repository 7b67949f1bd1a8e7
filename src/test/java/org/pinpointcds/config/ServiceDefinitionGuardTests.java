package org.pinpointcds.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.pinpointcds.ordercheck.OrderThreshold;
import org.pinpointcds.testing.HookRequest;

/**
 * Guards {@code cds-services/}: every file loads strictly with its settings, and each service declares every prefetch
 * key of the contract (sections 2 and 6).
 */
class ServiceDefinitionGuardTests {

  private static final Path FOLDER = Path.of("cds-services");
  private static final String ORDER_CHECK = "antithrombotic-order-check";
  private static final ObjectMapper STRICT = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  @TestFactory
  Stream<DynamicTest> everyServiceDefinitionLoadsWithItsSettings() throws IOException {
    List<Path> files;
    try (Stream<Path> listed = Files.list(FOLDER)) {
      files = listed.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    assertThat(files).isNotEmpty();
    return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
      ServiceDefinition definition = STRICT.readValue(file.toFile(), ServiceDefinition.class);
      assertThat(file.getFileName().toString()).isEqualTo(definition.id() + ".json");
      if (definition.id().equals(ORDER_CHECK)) {
        assertThat(new OrderCheckSettingsReader(definition, Map.of()).settings()).isNotNull();
        return;
      }
      ServiceSettings settings = new ServiceSettings(definition, TriageOverrides.none());
      assertThat(settings.triage()).isNotNull();
      assertThat(settings.units()).isNotNull();
    }));
  }

  @Test
  void theOrderCheckAnswersOrderSignAndItsSelectEntryOrderSelectWithTheSixKeysOfSection6() {
    ServiceCatalog catalog = ServiceCatalog.loadFromClasspath(new ObjectMapper());
    ServiceDefinition sign = catalog.find(ORDER_CHECK).orElseThrow();
    ServiceDefinition select = catalog.find(ORDER_CHECK + "-select").orElseThrow();
    assertThat(sign.hook()).isEqualTo("order-sign");
    assertThat(select.hook()).isEqualTo("order-select");
    assertThat(sign.prefetch().keySet()).containsExactly(
        "patient", "skinFindings", "temperatures", "plateletCounts", "conditions", "cbcOrders");
    assertThat(select.prefetch()).isEqualTo(sign.prefetch());
    assertThat(select.thresholds()).isEqualTo(sign.thresholds());
  }

  @Test
  void anOrderCheckThresholdThatTheCheckDoesNotApplyStopsStartUpNamingIt() throws IOException {
    ObjectNode json = (ObjectNode) STRICT.readTree(FOLDER.resolve(ORDER_CHECK + ".json").toFile());
    ((ObjectNode) json.path("thresholds")).putObject("low-platelet-below").put("value", 100).put("source", "a typo");
    ServiceDefinition definition = STRICT.treeToValue(json, ServiceDefinition.class);

    assertThatThrownBy(() -> new OrderCheckSettingsReader(definition, Map.of()))
        .hasMessageContaining("'low-platelet-below' is not one the order check applies");
  }

  @Test
  void aTriageThresholdThatTheTriageDoesNotApplyStopsStartUpNamingIt() throws IOException {
    ObjectNode json = (ObjectNode) STRICT.readTree(FOLDER.resolve("petechiae-triage.json").toFile());
    ((ObjectNode) json.path("thresholds")).putObject("fever-celcius").put("value", 38).put("source", "a typo");
    ServiceDefinition definition = STRICT.treeToValue(json, ServiceDefinition.class);

    assertThatThrownBy(() -> new ServiceSettings(definition, TriageOverrides.none()).triage())
        .hasMessageContaining("'fever-celcius' is not one the triage applies");
  }

  @Test
  void everyOrderCheckThresholdHasItsValueAndSourceInTheDefinition() throws IOException {
    ServiceDefinition definition = STRICT.readValue(FOLDER.resolve(ORDER_CHECK + ".json").toFile(), ServiceDefinition.class);
    for (OrderThreshold threshold : OrderThreshold.values()) {
      assertThat(definition.thresholds()).as(threshold.code()).containsKey(threshold.code());
      assertThat(definition.thresholds().get(threshold.code()).source()).as(threshold.code()).isNotBlank();
    }
  }

  @Test
  void theCatalogOnTheClasspathHoldsPetechiaeTriage() {
    assertThat(ServiceCatalog.loadFromClasspath(new ObjectMapper()).find("petechiae-triage")).isPresent();
  }

  @Test
  void petechiaeTriageDeclaresEveryPrefetchKeyOfTheContract() throws IOException {
    ServiceDefinition definition = STRICT.readValue(FOLDER.resolve("petechiae-triage.json").toFile(), ServiceDefinition.class);
    assertThat(definition.hook()).isEqualTo("patient-view");
    assertThat(definition.prefetch().keySet()).containsExactlyInAnyOrderElementsOf(HookRequest.KEYS);
    definition.prefetch().forEach((key, query) -> assertThat(query).as(key).contains("{{context.patientId}}"));
  }
}
