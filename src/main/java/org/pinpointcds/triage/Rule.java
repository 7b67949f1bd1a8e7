package org.pinpointcds.triage;

import java.util.List;

/**
 * One row of the triage table. A rule fires when it finds evidence; the triage turns that into a {@link
 * Reason} with the rule's statement and guidance.
 */
interface Rule {

  ReasonKind kind();

  /** What the rule says when it fires, with the threshold it applied. */
  String statement(TriageContext context);

  /** The data that makes the rule fire; empty when it does not. */
  List<String> evidence(TriageContext context);
}
