package org.pinpointcds.triage;

import java.time.Instant;
import java.util.Optional;

/**
 * A medicine the patient takes or took, classified.
 *
 * @param name how the record names it, e.g. {@code warfarin} or {@code Eliquis 5 mg}
 * @param endedAt empty while the medicine is current; otherwise when it was completed or stopped
 */
public record MedicationUse(String reference, String name, DrugClass drugClass, Optional<Instant> endedAt) {}
