package org.pinpointcds.triage;

import java.util.List;

/**
 * A rule that fired: what it says, the data behind it and the guidance it rests on.
 *
 * @param statement one sentence for the clinician, e.g. "Fever in the last 24 hours"
 * @param evidence the data, each item with its value, unit, date and source reference (worded by cards/)
 */
public record Reason(ReasonKind kind, String statement, List<Evidence> evidence, Guidance guidance) {

  public Reason {
    evidence = List.copyOf(evidence);
  }

  public Outcome outcome() {
    return kind.outcome();
  }
}
