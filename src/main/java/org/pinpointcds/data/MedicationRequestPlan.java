package org.pinpointcds.data;

import org.hl7.fhir.r4.model.MedicationRequest.MedicationRequestStatus;

/**
 * What of a MedicationRequest counts (contract 3.2), for the tree ({@link PrefetchSelection}) and
 * {@link MedicationReader}; a request not to give the medicine ({@code doNotPerform}) never does (contract 5.6).
 */
final class MedicationRequestPlan {

  /** The statuses that count; any other of the value set never does. */
  static final Statuses<MedicationRequestStatus> STATUSES = Statuses.of(MedicationRequestStatus.class,
      MedicationRequestStatus::toCode, "active", "on-hold");

  private MedicationRequestPlan() {}
}
