package org.pinpointcds.ops;

import org.pinpointcds.terminology.Terminology;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * Readiness needs the value sets: without them every finding would go unrecognised and no card would fire, a
 * silent failure. They are loaded before the web server listens, so a probe sees this indicator DOWN only when the
 * loaded terminology is empty; the readiness group also waits for start-up to finish and for the database.
 */
final class TerminologyHealth implements HealthIndicator {

  private final Terminology terminology;

  TerminologyHealth(Terminology terminology) {
    this.terminology = terminology;
  }

  @Override
  public Health health() {
    Health.Builder health = terminology.valueSetCount() > 0 ? Health.up() : Health.down();
    return health.withDetail("valueSets", terminology.valueSetCount()).build();
  }
}
