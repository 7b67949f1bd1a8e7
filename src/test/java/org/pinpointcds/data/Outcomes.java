package org.pinpointcds.data;

import org.pinpointcds.triage.Assessment;
import org.pinpointcds.triage.Concern;
import org.pinpointcds.triage.Outcome;

/** The most urgent outcome of an assessment, or {@code null} when no card comes out. */
final class Outcomes {

  private Outcomes() {}

  static Outcome mostUrgent(Assessment assessment) {
    return assessment.concerns().stream().map(Concern::outcome).reduce(Outcome::mostUrgent).orElse(null);
  }
}
