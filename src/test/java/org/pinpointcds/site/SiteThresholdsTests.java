package org.pinpointcds.site;

import java.util.Map;
import org.pinpointcds.config.TriageOverrides;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pinpointcds.config.ActiveSetting;
import org.pinpointcds.config.ServiceCatalog;
import org.pinpointcds.config.ServiceDefinition;
import org.pinpointcds.config.ServiceSettings;
import org.pinpointcds.triage.DrugClass;

/** Thresholds and look-backs: a Spring property beats the site's file, which beats the service definition. */
class SiteThresholdsTests {

  static final Path SITE_THRESHOLDS = Path.of("docs/site-example/thresholds.json");
  private static final ServiceDefinition DEFINITION =
      ServiceCatalog.loadFromClasspath(new ObjectMapper()).find("petechiae-triage").orElseThrow();

  private static TriageOverrides withSiteFile(Path file) {
    return new TriageOverrides(Map.of("extra-path", file.toString()));
  }

  private static ActiveSetting active(ServiceSettings settings, String name) {
    return settings.active().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void theSiteFileOverridesTheServiceDefinition() {
    ServiceSettings settings = new ServiceSettings(DEFINITION, withSiteFile(SITE_THRESHOLDS));

    assertThat(settings.triage().feverCelsius()).isEqualTo(38.3);
    assertThat(settings.triage().lookback(DrugClass.ANTIPLATELETS)).isEqualTo(Duration.ofDays(7));
    assertThat(active(settings, "fever-celsius").origin())
        .startsWith("site file " + SITE_THRESHOLDS).contains("sepsis policy");
    assertThat(active(settings, "finding-lookback").origin()).startsWith("cds-services/petechiae-triage.json");
  }

  @Test
  void aSpringPropertyOverridesTheSiteFile() {
    ServiceSettings settings = new ServiceSettings(DEFINITION,
        new TriageOverrides(Map.of("extra-path", SITE_THRESHOLDS.toString(), "fever-celsius", "39")));

    assertThat(settings.triage().feverCelsius()).isEqualTo(39.0);
    assertThat(active(settings, "fever-celsius").origin()).isEqualTo("Spring property pinpoint.triage.fever-celsius");
  }

  @Test
  void everyThresholdAndLookBackIsListedWithItsValueAndOrigin() {
    var active = new ServiceSettings(DEFINITION, TriageOverrides.none()).active();

    assertThat(active).extracting(ActiveSetting::name)
        .contains("fever-celsius", "finding-lookback", "medication-lookback.vitamin-k-antagonists");
    assertThat(active).hasSize(DEFINITION.thresholds().size() + DrugClass.triaged().size());
    assertThat(active).allSatisfy(s -> assertThat(s.origin()).isNotBlank());
  }

  @Test
  void aNameTheServiceDoesNotHaveStopsStartUpNamingTheFile(@TempDir Path folder) throws IOException {
    Path file = Files.writeString(folder.resolve("thresholds.json"),
        "{\"thresholds\":{\"fever-farenheit\":{\"value\":100.4}}}");

    assertThatThrownBy(() -> new ServiceSettings(DEFINITION, withSiteFile(file)))
        .hasMessageContaining(file.toString())
        .hasMessageContaining("'fever-farenheit', which is not one of");
  }

  @Test
  void aValueThatDoesNotParseStopsStartUpNamingWhereItCameFrom(@TempDir Path folder) throws IOException {
    Path file = Files.writeString(folder.resolve("thresholds.json"),
        "{\"medicationLookbacks\":{\"heparins\":{\"value\":\"2 days\"}}}");
    ServiceSettings settings = new ServiceSettings(DEFINITION, withSiteFile(file));

    assertThatThrownBy(settings::triage)
        .hasMessageContaining("medication-lookback.heparins = '2 days'")
        .hasMessageContaining(file.toString())
        .hasMessageContaining("ISO-8601 duration");
  }

  @Test
  void aFileThatDoesNotReadStopsStartUp(@TempDir Path folder) throws IOException {
    Path file = Files.writeString(folder.resolve("thresholds.json"), "{\"thresholds\": [");

    assertThatThrownBy(() -> new ServiceSettings(DEFINITION, withSiteFile(file)))
        .hasMessageContaining(file.toString())
        .hasMessageContaining("does not read");
  }
}
