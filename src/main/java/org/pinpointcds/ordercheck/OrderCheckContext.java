package org.pinpointcds.ordercheck;

import java.util.List;
import java.util.Optional;
import org.pinpointcds.triage.PlateletCount;
import org.pinpointcds.triage.Reason;
import org.pinpointcds.triage.TriageContext;

/**
 * The patient as the triage sees them at one moment (findings, latest platelet count), with the triage's emergency
 * red flags, and the order check's thresholds: what every row reads.
 *
 * @param redFlags the triage's emergency reasons of a recent red finding, other than the count (contract 6)
 */
record OrderCheckContext(OrderCheckSettings settings, TriageContext patient, List<Reason> redFlags) {

  /** The latest count read (contract 5.3), whatever its age: the band rows use it. */
  Optional<PlateletCount> latestCount() {
    return patient.latestPlateletCount();
  }

  /** The latest count when it is below the high-risk threshold. */
  Optional<PlateletCount> criticalCount() {
    return latestCountIn(Double.NEGATIVE_INFINITY, settings.highRiskPlateletsBelow());
  }

  /** The latest count when the most urgent band its range allows is at or above {@code from} and below {@code below}. */
  Optional<PlateletCount> latestCountIn(double from, double below) {
    return latestCount().filter(p -> p.mostUrgentValue() >= from && p.mostUrgentValue() < below);
  }
}
