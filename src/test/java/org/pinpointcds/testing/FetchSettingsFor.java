package org.pinpointcds.testing;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.pinpointcds.config.FetchProperties;
import org.pinpointcds.data.FetchSettings;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Fetch settings as the service binds them: the defaults of {@code pinpoint.fetch.*}, with what a test sets. */
public final class FetchSettingsFor {

  private FetchSettingsFor() {}

  /** @param properties {@code name=value} pairs without the {@code pinpoint.fetch.} prefix, e.g. {@code budget=PT1S} */
  public static FetchSettings properties(String... properties) {
    Map<String, String> values = Arrays.stream(properties).map(property -> property.split("=", 2))
        .collect(Collectors.toMap(pair -> "pinpoint.fetch." + pair[0], pair -> pair[1]));
    return new Binder(new MapConfigurationPropertySource(values))
        .bindOrCreate("pinpoint.fetch", FetchProperties.class).settings();
  }
}
