package org.pinpointcds.triage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The triage of one patient at one moment.
 *
 * @param concerns most urgent first; empty when there is no recent finding
 * @param contributingMedicines current antithrombotics and skin-thinning steroids, named on every card
 * @param ageYears age at {@code assessedAt}, when the birth date is known
 */
public record Assessment(
    String patientId,
    Instant assessedAt,
    Optional<Integer> ageYears,
    boolean child,
    List<Concern> concerns,
    List<MedicationUse> contributingMedicines) {

  public Assessment {
    concerns = List.copyOf(concerns);
    contributingMedicines = List.copyOf(contributingMedicines);
  }
}
