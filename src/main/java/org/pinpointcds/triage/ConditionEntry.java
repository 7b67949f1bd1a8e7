package org.pinpointcds.triage;

import java.util.Optional;

/**
 * An active, recurring or relapsed Condition that is not refuted or entered in error.
 *
 * @param dated the latest of its onset and recorded dates; a known thrombocytopenia counts undated
 */
public record ConditionEntry(String reference, ConditionKind kind, String name, Optional<When> dated) {}
