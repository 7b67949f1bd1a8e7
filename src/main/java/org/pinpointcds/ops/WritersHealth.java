package org.pinpointcds.ops;

import java.util.List;
import org.pinpointcds.storage.BatchWriter;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * Readiness needs the background writers of issued cards and of the audit trail: once one's thread has died, every
 * card issued would go unrecorded (its feedback unresolved) or every call unaudited, while the service seemed well.
 * DOWN then, so that the instance is taken out of rotation and, restarted, writes again.
 */
final class WritersHealth implements HealthIndicator {

  private final List<BatchWriter<?>> writers;

  WritersHealth(List<BatchWriter<?>> writers) {
    this.writers = List.copyOf(writers);
  }

  @Override
  public Health health() {
    Health.Builder health = writers.stream().allMatch(BatchWriter::isAlive) ? Health.up() : Health.down();
    writers.forEach(writer -> health.withDetail(writer.name(), writer.isAlive() ? "writing" : "stopped"));
    return health.build();
  }
}
