package org.pinpointcds.triage;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Everything the triage reads about one patient, already filtered by status and normalised in units.
 *
 * @param gaps what could not be read (contract 5); the triage decides which of it could change the answer now
 * @param draftOrders the medicines of an order-sign or order-select call's draft orders, classified (contract 6)
 */
public record PatientSnapshot(
    String patientId,
    Optional<LocalDate> birthDate,
    List<SkinFinding> skinFindings,
    List<Temperature> temperatures,
    List<PlateletCount> plateletCounts,
    List<ConditionEntry> conditions,
    List<MedicationUse> medications,
    List<CbcOrder> cbcOrders,
    List<DataGap> gaps,
    List<MedicationUse> draftOrders) {

  /** A snapshot of a call without draft orders (patient-view). */
  public PatientSnapshot(String patientId, Optional<LocalDate> birthDate, List<SkinFinding> skinFindings,
      List<Temperature> temperatures, List<PlateletCount> plateletCounts, List<ConditionEntry> conditions,
      List<MedicationUse> medications, List<CbcOrder> cbcOrders, List<DataGap> gaps) {
    this(patientId, birthDate, skinFindings, temperatures, plateletCounts, conditions, medications, cbcOrders, gaps,
        List.of());
  }

  public PatientSnapshot {
    skinFindings = List.copyOf(skinFindings);
    temperatures = List.copyOf(temperatures);
    plateletCounts = List.copyOf(plateletCounts);
    conditions = List.copyOf(conditions);
    medications = List.copyOf(medications);
    cbcOrders = List.copyOf(cbcOrders);
    gaps = List.copyOf(gaps);
    draftOrders = List.copyOf(draftOrders);
  }
}
