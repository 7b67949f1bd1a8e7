package org.pinpointcds.data;

import java.time.Duration;

/**
 * Limits of the fetch path. EHRs wait 0.5 to 2 s for a hook, so the whole fetch has a budget, and every HTTP
 * call a timeout of its own. A faulty or hostile FHIR server must not take Pinpoint down, so everything it sends or
 * makes Pinpoint send is bounded too.
 *
 * @param budget the most one call to the service spends fetching, all keys and pages together
 * @param callTimeout the most one HTTP request may take to be answered
 * @param maxPages how many pages of one searchset are read (a loop or an endless server must not hang us)
 * @param requireHttps refuse a plain-http fhirServer, except on loopback (CDS Hooks 2.0: production is https)
 * @param maxBodyBytes the largest answer read, counted as it arrives; a larger one fails the key as a bad response
 * @param maxReads how many resources one call reads by id (the Medications its medicines name by reference only);
 *     more fail their keys, since a medicine left unread could hide an anticoagulant
 * @param readBatchSize how many ids one search by {@code _id} asks for, when a call reads several of one type
 * @param maxConcurrentRequests how many of one call's HTTP requests are on the wire at once
 */
public record FetchSettings(Duration budget, Duration callTimeout, int maxPages, boolean requireHttps,
    long maxBodyBytes, int maxReads, int readBatchSize, int maxConcurrentRequests) {

  public FetchSettings {
    if (budget.isNegative() || budget.isZero() || callTimeout.isNegative() || callTimeout.isZero() || maxPages < 1) {
      throw new IllegalArgumentException(
          "fetch budget and call timeout must be positive and max pages at least 1, got %s, %s, %d"
              .formatted(budget, callTimeout, maxPages));
    }
    if (maxBodyBytes < 1 || maxReads < 1 || readBatchSize < 1 || maxConcurrentRequests < 1) {
      throw new IllegalArgumentException(
          "max body size, max reads, read batch size and max concurrent requests must be at least 1, got %d, %d, %d, %d"
              .formatted(maxBodyBytes, maxReads, readBatchSize, maxConcurrentRequests));
    }
  }
}
