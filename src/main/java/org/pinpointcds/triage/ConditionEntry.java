package org.pinpointcds.triage;

import java.time.Instant;

/**
 * An active, recurring or relapsed Condition that is not refuted or entered in error.
 *
 * @param dated the latest of its onset and recorded dates
 */
public record ConditionEntry(String reference, ConditionKind kind, String name, Instant dated) {}
