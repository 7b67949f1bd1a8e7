package org.pinpointcds.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A site's thresholds and look-backs ({@code pinpoint.triage.extra-path}): a JSON file shaped like the
 * {@code thresholds} and {@code medicationLookbacks} sections of the service definition, for example
 * {@code {"thresholds": {"fever-celsius": {"value": 38.3, "source": "Trust sepsis policy 2026"}}}}. A name the
 * service does not have, or a file that does not read, stops start-up with the file and the problem.
 */
final class SiteThresholds {

  record File(Map<String, ServiceDefinition.Setting> thresholds,
                      Map<String, ServiceDefinition.Setting> medicationLookbacks) {}

  private final Path path;
  /** By the name used in {@code pinpoint.triage.<name>}. */
  private final Map<String, ServiceDefinition.Setting> settings;

  private SiteThresholds(Path path, Map<String, ServiceDefinition.Setting> settings) {
    this.path = path;
    this.settings = settings;
  }

  static SiteThresholds none() {
    return new SiteThresholds(null, Map.of());
  }

  static SiteThresholds load(Path path, ServiceDefinition definition) {
    File file;
    try {
      file = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .readValue(Files.readAllBytes(path), File.class);
    } catch (IOException e) {
      throw problem(path, "does not read: " + e.getMessage());
    }
    Map<String, ServiceDefinition.Setting> settings = new LinkedHashMap<>();
    add(path, file.thresholds(), definition.thresholds().keySet(), "", settings);
    add(path, file.medicationLookbacks(), definition.medicationLookbacks().keySet(), "medication-lookback.", settings);
    return new SiteThresholds(path, settings);
  }

  private static void add(Path path, Map<String, ServiceDefinition.Setting> given, Set<String> known, String prefix,
      Map<String, ServiceDefinition.Setting> into) {
    if (given == null) {
      return;
    }
    given.forEach((name, setting) -> {
      if (!known.contains(name)) {
        throw problem(path, "names '" + name + "', which is not one of " + new TreeSet<>(known));
      }
      if (setting == null || setting.value() == null) {
        throw problem(path, "has no value for '" + name + "'");
      }
      into.put(prefix + name, setting);
    });
  }

  /** The site's value for {@code name}, with its origin. */
  Optional<ActiveSetting> find(String name) {
    ServiceDefinition.Setting setting = settings.get(name);
    if (setting == null) {
      return Optional.empty();
    }
    String why = setting.source() == null || setting.source().isBlank() ? "" : ": " + setting.source();
    return Optional.of(new ActiveSetting(name, setting.value(), "site file " + path + why));
  }

  private static IllegalStateException problem(Path path, String what) {
    return new IllegalStateException("site thresholds file " + path + " (" + TriageOverrides.PREFIX + TriageOverrides.SITE_FILE + ") " + what);
  }
}
