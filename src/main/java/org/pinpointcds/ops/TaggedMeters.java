package org.pinpointcds.ops;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Meter.MeterProvider;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The meters of one name, kept by their tag values. Micrometer's {@code withTags} builds, sorts and looks up the
 * tags on every use, and a hook call counts several meters; here each combination is built once. The tag values
 * come from small closed sets (service ids, outcomes, card topics, prefetch keys), so the map stays small.
 */
final class TaggedMeters<M extends Meter> {

  private final MeterProvider<M> provider;
  private final List<String> keys;
  private final Map<List<String>, M> meters = new ConcurrentHashMap<>();

  TaggedMeters(MeterProvider<M> provider, String... keys) {
    this.provider = provider;
    this.keys = List.of(keys);
  }

  /** The meter tagged with {@code values}, one for each key, in the keys' order. */
  M tagged(String... values) {
    if (values.length != keys.size()) {
      throw new IllegalArgumentException("expected values for " + keys + ", got " + values.length);
    }
    return meters.computeIfAbsent(List.of(values), this::register);
  }

  private M register(List<String> values) {
    String[] tags = new String[keys.size() * 2];
    for (int i = 0; i < keys.size(); i++) {
      tags[2 * i] = keys.get(i);
      tags[2 * i + 1] = values.get(i);
    }
    return provider.withTags(tags);
  }
}
