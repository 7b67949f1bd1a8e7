package org.pinpointcds.data;

import java.time.Duration;

/**
 * Limits of the fetch path. EHRs wait 0.5 to 2 s for a hook, so the whole fetch has a budget, and every HTTP
 * call a timeout of its own.
 *
 * @param budget the most one call to the service spends fetching, all keys and pages together
 * @param callTimeout the most one HTTP request may take
 * @param maxPages how many pages of one searchset are read (a loop or an endless server must not hang us)
 * @param requireHttps refuse a plain-http fhirServer, except on loopback (CDS Hooks 2.0: production is https)
 */
public record FetchSettings(Duration budget, Duration callTimeout, int maxPages, boolean requireHttps) {

  public FetchSettings {
    if (budget.isNegative() || budget.isZero() || callTimeout.isNegative() || callTimeout.isZero() || maxPages < 1) {
      throw new IllegalArgumentException(
          "fetch budget and call timeout must be positive and max pages at least 1, got %s, %s, %d"
              .formatted(budget, callTimeout, maxPages));
    }
  }
}
