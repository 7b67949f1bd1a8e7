package org.pinpointcds.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
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
  private final TaggedMeters<Timer> fetches;

  public TimedFetcher(MissingDataFetcher fetcher, MeterRegistry registry) {
    this.fetcher = fetcher;
    this.fetches = new TaggedMeters<>(Timer.builder("pinpoint.fhir.fetch")
        .description("Rounds of fetches from the EHR's FHIR server, by outcome")
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1))
        .maximumExpectedValue(Duration.ofSeconds(10))
        .withRegistry(registry), "outcome");
  }

  @Override
  public CompletableFuture<Map<String, List<IBaseResource>>> fetch(FhirAccess access, Map<String, String> queries) {
    long started = System.nanoTime();
    return fetcher.fetch(access, queries).whenComplete((fetched, failure) -> fetches
        .tagged(failure == null ? "ok" : "unavailable")
        .record(Duration.ofNanos(System.nanoTime() - started)));
  }
}
