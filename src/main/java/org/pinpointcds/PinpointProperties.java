package org.pinpointcds;

import java.util.Map;
import org.pinpointcds.config.FetchProperties;
import org.pinpointcds.config.RequestProperties;
import org.pinpointcds.config.TriageOverrides;
import org.pinpointcds.ops.MetricsProperties;
import org.pinpointcds.security.CorsProperties;
import org.pinpointcds.security.SecurityProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every {@code pinpoint.*} property the code reads, bound once at start-up into one tree: a value of the wrong type,
 * or a combination its record refuses, stops start-up naming the property. Each folder owns the record of its part
 * and its checks. Only {@code pinpoint.sandbox.enabled} and {@code pinpoint.diagnostics.enabled} are also read as
 * Spring conditions, which decide before binding whether those beans exist; {@code pinpoint.data-dir} is read by
 * {@code application.yml}'s datasource URL.
 *
 * @param triage threshold and look-back overrides by name, and {@code extra-path} (see {@link TriageOverrides})
 * @param orderCheck the order check's threshold overrides by name ({@code pinpoint.order-check.<name>})
 * @param terminology the site's terminology folder ({@code pinpoint.terminology.extra-path})
 */
@ConfigurationProperties("pinpoint")
record PinpointProperties(
    @DefaultValue FetchProperties fetch,
    @DefaultValue RequestProperties requests,
    @DefaultValue SecurityProperties security,
    @DefaultValue CorsProperties cors,
    Map<String, String> triage,
    Map<String, String> orderCheck,
    @DefaultValue SiteTerminology terminology,
    @DefaultValue Diagnostics diagnostics,
    @DefaultValue MetricsProperties metrics) {

  record SiteTerminology(String extraPath) {}

  /** {@code POST /diagnostics/patient-data}: on by default, off in the production profile. */
  record Diagnostics(@DefaultValue("true") boolean enabled) {}

  Map<String, String> orderCheckOverrides() {
    return orderCheck == null ? Map.of() : orderCheck;
  }

  TriageOverrides triageOverrides() {
    return new TriageOverrides(triage == null ? Map.of() : triage);
  }
}
