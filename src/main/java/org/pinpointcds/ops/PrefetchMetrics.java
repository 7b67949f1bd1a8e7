package org.pinpointcds.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Set;
import org.pinpointcds.data.PrefetchListener;
import org.pinpointcds.triage.DataGap;

/**
 * Counts, per prefetch key, how often the EHR sent it ({@code hit}) and how often Pinpoint had to fetch it
 * ({@code miss}: omitted, or sent as an OperationOutcome). A key whose misses climb is one to ask the EHR's
 * integration team to prefetch. The start-up warm-up counts as one call with every key sent. And, per key and reason,
 * the resources a call could not read that could change its triage (contract 5).
 */
final class PrefetchMetrics implements PrefetchListener {

  private final TaggedMeters<Counter> keys;
  private final TaggedMeters<Counter> unread;

  PrefetchMetrics(MeterRegistry registry) {
    this.keys = new TaggedMeters<>(Counter.builder("pinpoint.prefetch.keys")
        .description("Required prefetch keys sent by the EHR (hit) or left for Pinpoint to fetch (miss)")
        .withRegistry(registry), "key", "result");
    this.unread = new TaggedMeters<>(Counter.builder("pinpoint.unread.resources")
        .description("Resources that could change a triage and could not be read, named on the card under Not read")
        .withRegistry(registry), "key", "reason");
  }

  @Override
  public void unread(List<DataGap> gaps) {
    gaps.forEach(gap -> unread.tagged(gap.key(), gap.reason()).increment());
  }

  @Override
  public void read(Set<String> required, Set<String> missing) {
    required.forEach(key -> keys.tagged(key, missing.contains(key) ? "miss" : "hit").increment());
  }
}
