package org.pinpointcds.triage;

/** How a medicine reads on a card: name, class, source and whether it is current. */
public final class MedicineEvidence {

  private MedicineEvidence() {}

  public static String of(MedicationUse medicine) {
    String status = medicine.endedAt().map(ended -> "stopped " + Evidence.when(ended))
        .orElse(medicine.stopped() ? "stopped, date not recorded: counted as recent" : "current");
    return medicine.name() + " (" + medicine.drugClass().label() + "; " + medicine.reference() + ", " + status + ")";
  }
}
