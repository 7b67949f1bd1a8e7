package org.pinpointcds.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pinpointcds.triage.DrugClass;
import org.pinpointcds.triage.Threshold;
import org.pinpointcds.triage.TriageSettings;

/** Thresholds are configuration whose defaults are the contract's (section 4), each overridable by a property. */
class ServiceSettingsTests {

  private static final ServiceDefinition DEFINITION =
      ServiceCatalog.loadFromClasspath(new ObjectMapper()).find("petechiae-triage").orElseThrow();

  @Test
  void defaultsAreTheContractsThresholds() {
    TriageSettings settings = new ServiceSettings(DEFINITION, TriageOverrides.none()).triage();
    assertThat(settings.findingLookback()).isEqualTo(Duration.ofDays(14));
    assertThat(settings.feverCelsius()).isEqualTo(38.0);
    assertThat(settings.temperatureLookback()).isEqualTo(Duration.ofHours(24));
    assertThat(settings.feverConditionLookback()).isEqualTo(Duration.ofHours(72));
    assertThat(settings.criticalPlateletsBelow()).isEqualTo(20);
    assertThat(settings.lowPlateletsBelow()).isEqualTo(150);
    assertThat(settings.purpuraDiameterMm()).isEqualTo(2);
    assertThat(settings.childBelowAgeYears()).isEqualTo(16);
    assertThat(settings.cbcOrderLookback()).isEqualTo(Duration.ofHours(24));
  }

  @Test
  void aPropertyOverridesAThresholdAndAMedicationLookBack() {
    TriageOverrides overrides =
        new TriageOverrides(Map.of("fever-celsius", "38.3", "medication-lookback.antiplatelets", "P7D"));
    TriageSettings settings = new ServiceSettings(DEFINITION, overrides).triage();
    assertThat(settings.feverCelsius()).isEqualTo(38.3);
    assertThat(settings.lookback(DrugClass.ANTIPLATELETS)).isEqualTo(Duration.ofDays(7));
    assertThat(settings.lookback(DrugClass.VITAMIN_K_ANTAGONISTS)).isEqualTo(Duration.ofDays(7));
  }

  @Test
  void aThresholdTheTriageDoesNotApplyStopsStartUpNamingIt() {
    Map<String, ServiceDefinition.Setting> thresholds = new HashMap<>(DEFINITION.thresholds());
    thresholds.put("fever-celcius", new ServiceDefinition.Setting("38.5", "a typo"));
    assertThatThrownBy(() -> new ServiceSettings(withThresholds(thresholds), TriageOverrides.none()).triage())
        .hasMessageContaining("petechiae-triage.json").hasMessageContaining("'fever-celcius'");
  }

  @Test
  void aThresholdARowAppliesStopsStartUpWhenItHasNoValue() {
    Map<String, ServiceDefinition.Setting> thresholds = new HashMap<>(DEFINITION.thresholds());
    thresholds.remove(Threshold.PURPURA_DIAMETER_MM.code());
    assertThatThrownBy(() -> new ServiceSettings(withThresholds(thresholds), TriageOverrides.none()).triage())
        .hasMessageContaining("no value for purpura-diameter-mm");
  }

  @Test
  void aMistypedFieldOfTheDefinitionStopsStartUpNamingIt() throws IOException {
    ObjectMapper strict = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    ObjectNode json = (ObjectNode) strict.readTree(Path.of("cds-services", "petechiae-triage.json").toFile());
    ((ObjectNode) json.path("units")).put("celsius", 5);
    assertThatThrownBy(() -> strict.treeToValue(json, ServiceDefinition.class)).hasMessageContaining("celsius");
  }

  @Test
  void aPropertyThatNamesNoThresholdStopsStartUpNamingIt() {
    TriageOverrides typo = new TriageOverrides(Map.of("fever-celcius", "38.3"));
    assertThatThrownBy(() -> new ServiceSettings(DEFINITION, typo).triage())
        .hasMessageContaining("pinpoint.triage.fever-celcius");
    TriageOverrides unknownClass = new TriageOverrides(Map.of("medication-lookback.aspirins", "P7D"));
    assertThatThrownBy(() -> new ServiceSettings(DEFINITION, unknownClass).triage())
        .hasMessageContaining("pinpoint.triage.medication-lookback.aspirins");
  }

  private static ServiceDefinition withThresholds(Map<String, ServiceDefinition.Setting> thresholds) {
    ServiceDefinition d = DEFINITION;
    return new ServiceDefinition(d.id(), d.hook(), d.title(), d.description(), d.prefetch(), thresholds,
        d.medicationLookbacks(), d.guidance(), d.units(), d.cards(), d.alsoOn());
  }
}
