package org.pinpointcds.config;

import java.util.Map;
import java.util.Optional;

/**
 * {@code pinpoint.triage.*}: a threshold by its code ({@code pinpoint.triage.fever-celsius=38.3}), a medication
 * look-back by class ({@code pinpoint.triage.medication-lookback.antiplatelets=P7D}), and the site's thresholds file
 * ({@code pinpoint.triage.extra-path}). {@link ServiceSettings} refuses a name it does not know.
 *
 * @param values by the name after {@code pinpoint.triage.}
 */
public record TriageOverrides(Map<String, String> values) {

  public static final String PREFIX = "pinpoint.triage.";
  static final String SITE_FILE = "extra-path";

  public TriageOverrides {
    values = Map.copyOf(values);
  }

  public static TriageOverrides none() {
    return new TriageOverrides(Map.of());
  }

  /** The site's thresholds file, when one is named. */
  public Optional<String> siteFile() {
    return value(SITE_FILE);
  }

  Optional<String> value(String name) {
    return Optional.ofNullable(values.get(name)).map(String::trim).filter(v -> !v.isEmpty());
  }
}
