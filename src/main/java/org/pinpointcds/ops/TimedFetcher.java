package org.pinpointcds.ops;

import io.micrometer.core.instrument.Meter.MeterProvider;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.pinpointcds.data.FhirAccess;
import org.pinpointcds.data.MissingDataFetcher;

/**
 * Times the FHIR fetch path: each round of fetches a call makes from the EHR's FHIR server (the missing keys with
 * every page, or the medications nothing in the call resolved), whether it brought everything ({@code ok}) or ended
 * the call in 412 ({@code unavailable}).
 */
public final class TimedFetcher implements MissingDataFetcher {

  private final MissingDataFetcher fetcher;
  private final MeterProvider<Timer> fetches;

  public TimedFetcher(MissingDataFetcher fetcher, MeterRegistry registry) {
    this.fetcher = fetcher;
    this.fetches = Timer.builder("pinpoint.fhir.fetch")
        .description("Rounds of fetches from the EHR's FHIR server, by outcome")
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1))
        .maximumExpectedValue(Duration.ofSeconds(10))
        .withRegistry(registry);
  }

  @Override
  public Map<String, List<IBaseResource>> fetch(FhirAccess access, Map<String, String> queries) {
    long started = System.nanoTime();
    String outcome = "unavailable";
    try {
      Map<String, List<IBaseResource>> fetched = fetcher.fetch(access, queries);
      outcome = "ok";
      return fetched;
    } finally {
      fetches.withTags("outcome", outcome).record(Duration.ofNanos(System.nanoTime() - started));
    }
  }
}
