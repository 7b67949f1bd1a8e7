package org.pinpointcds.config;

import java.time.Duration;
import org.pinpointcds.data.FetchSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code pinpoint.fetch.*}: limits of fetching missing prefetch data from the EHR's FHIR server.
 *
 * @param budget all keys and pages of one call together (default 2 s: EHRs move on after 0.5 to 2 s)
 * @param callTimeout one HTTP request
 * @param maxPages pages read of one searchset
 * @param requireHttps refuse a plain-http fhirServer other than loopback (on in the production profile)
 */
@ConfigurationProperties("pinpoint.fetch")
public record FetchProperties(
    @DefaultValue("PT2S") Duration budget,
    @DefaultValue("PT1.5S") Duration callTimeout,
    @DefaultValue("20") int maxPages,
    @DefaultValue("false") boolean requireHttps) {

  public FetchSettings settings() {
    return new FetchSettings(budget, callTimeout, maxPages, requireHttps);
  }
}
