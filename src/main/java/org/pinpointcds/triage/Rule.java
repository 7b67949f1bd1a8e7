package org.pinpointcds.triage;

import java.util.List;

/**
 * The logic of one row of the triage table; the {@link ReasonKind} that names it declares the rest. A rule fires when
 * it finds evidence; the triage turns that into a {@link Reason} with the rule's statement and the row's guidance.
 */
interface Rule {

  /** What the rule says when it fires, with the threshold it applied. */
  String statement(TriageContext context);

  /** The data that makes the rule fire; empty when it does not. */
  List<Evidence> evidence(TriageContext context);
}
