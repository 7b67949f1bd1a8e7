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
 * @param unread what could not be read and could change the answer now, named on every card (contract 5)
 */
public record Assessment(
    String patientId,
    Instant assessedAt,
    Optional<Integer> ageYears,
    boolean child,
    List<Concern> concerns,
    List<MedicationUse> contributingMedicines,
    List<DataGap> unread) {

  public Assessment {
    concerns = List.copyOf(concerns);
    contributingMedicines = List.copyOf(contributingMedicines);
    unread = List.copyOf(unread);
  }
}
