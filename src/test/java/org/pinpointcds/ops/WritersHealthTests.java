package org.pinpointcds.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.pinpointcds.storage.BatchWriter;
import org.springframework.boot.actuate.health.Status;

/** A writer whose thread died would drop every record from then on: not ready. */
class WritersHealthTests {

  @Test
  void writersThatWriteAreUp() {
    try (BatchWriter<String> audit = writer("audit", batch -> { })) {
      assertThat(new WritersHealth(List.of(audit)).health().getStatus()).isEqualTo(Status.UP);
    }
  }

  @Test
  void aWriterWhoseThreadDiedIsDownAndNamed() throws Exception {
    try (BatchWriter<String> audit = writer("audit", batch -> { });
        BatchWriter<String> cards = writer("issued-cards", batch -> {
          throw new StackOverflowError(); // an Error, which the writer does not catch
        })) {
      cards.offer("card");
      for (long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
          cards.isAlive() && System.nanoTime() < deadline; ) {
        Thread.sleep(20);
      }

      WritersHealth health = new WritersHealth(List.of(audit, cards));
      assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
      assertThat(health.health().getDetails()).containsEntry("issued-cards", "stopped").containsEntry("audit", "writing");
    }
  }

  private static BatchWriter<String> writer(String name, Consumer<List<String>> sink) {
    return new BatchWriter<>(name, 10, 10, Duration.ofMillis(20), sink);
  }
}
