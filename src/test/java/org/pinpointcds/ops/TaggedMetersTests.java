package org.pinpointcds.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/** Meters kept by their tag values count where Micrometer's own withTags would. */
class TaggedMetersTests {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final TaggedMeters<Counter> cards =
      new TaggedMeters<>(Counter.builder("cards").withRegistry(registry), "service", "topic");

  @Test
  void eachCombinationOfValuesIsTheMeterTaggedWithThem() {
    cards.tagged("petechiae-triage", "emergency").increment();
    cards.tagged("petechiae-triage", "emergency").increment();
    cards.tagged("petechiae-triage", "same-day-cbc").increment();

    assertThat(registry.get("cards").tags("service", "petechiae-triage", "topic", "emergency").counter().count())
        .isEqualTo(2);
    assertThat(registry.get("cards").tags("service", "petechiae-triage", "topic", "same-day-cbc").counter().count())
        .isEqualTo(1);
    assertThat(registry.get("cards").counters()).hasSize(2);
  }

  @Test
  void refusesValuesThatDoNotMatchTheKeys() {
    assertThatThrownBy(() -> cards.tagged("petechiae-triage"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[service, topic]");
  }
}
