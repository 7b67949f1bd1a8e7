package org.pinpointcds.triage;

import java.util.Optional;

/**
 * A medicine the patient takes or took, classified.
 *
 * @param name how the record names it, e.g. {@code warfarin} or {@code Eliquis 5 mg}
 * @param stopped completed or stopped, not current
 * @param endedAt when a stopped medicine ended; empty while current, or when the stop date is not recorded, which
 *     counts as inside every look-back (contract 5.6)
 */
public record MedicationUse(String reference, String name, DrugClass drugClass, boolean stopped, Optional<When> endedAt) {

  public static MedicationUse current(String reference, String name, DrugClass drugClass) {
    return new MedicationUse(reference, name, drugClass, false, Optional.empty());
  }
}
