package org.pinpointcds.config;

import java.time.Duration;
import org.pinpointcds.data.FetchSettings;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code pinpoint.fetch.*}: limits of fetching missing prefetch data from the EHR's FHIR server.
 *
 * @param budget all keys and pages of one call together (default 2 s: EHRs move on after 0.5 to 2 s)
 * @param callTimeout one HTTP request
 * @param maxPages pages read of one searchset
 * @param requireHttps refuse a plain-http fhirServer other than loopback (on in the production profile)
 * @param maxBodySize the largest answer of the FHIR server read (default 16 MB; a larger one is a 412 bad-response)
 * @param maxReads resources one call reads by id: the Medications its medicines name by reference only (more: 412)
 * @param readBatchSize ids asked for in one {@code _id} search
 * @param maxConcurrentRequests HTTP requests of one call at once (default 8: the service's eight prefetch keys)
 */
public record FetchProperties(
    @DefaultValue("PT2S") Duration budget,
    @DefaultValue("PT1.5S") Duration callTimeout,
    @DefaultValue("20") int maxPages,
    @DefaultValue("false") boolean requireHttps,
    @DefaultValue("16MB") DataSize maxBodySize,
    @DefaultValue("50") int maxReads,
    @DefaultValue("20") int readBatchSize,
    @DefaultValue("8") int maxConcurrentRequests) {

  public FetchSettings settings() {
    return new FetchSettings(budget, callTimeout, maxPages, requireHttps, maxBodySize.toBytes(), maxReads,
        readBatchSize, maxConcurrentRequests);
  }
}
