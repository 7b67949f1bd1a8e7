package org.pinpointcds.data;

import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.MedicationStatement.MedicationStatementStatus;

/**
 * What of a MedicationStatement counts (contract 3.2, 5.6), for the tree ({@link PrefetchSelection}) and
 * {@link MedicationReader}: a medicine taken now, or one that ended inside its drug class's look-back.
 */
final class MedicationStatementPlan {

  static final Statuses<MedicationStatementStatus> TAKEN = statuses("active");
  /** Ended: dated by {@link #END_DATES}, held against the drug class's look-back. */
  static final Statuses<MedicationStatementStatus> ENDED = statuses("completed", "stopped");
  /** Every status that counts; any other of the value set never does. */
  static final Statuses<MedicationStatementStatus> COUNTED = TAKEN.and(ENDED);
  /**
   * When an ended medicine was last taken: its end; without one, no later than the date it was asserted; without
   * that, unknown, and inside every look-back (contract 5.6). The first present.
   */
  static final DateFields<MedicationStatement> END_DATES = new DateFields<>(
      DateField.of("effectivePeriod.end", s -> s.hasEffectivePeriod() ? s.getEffectivePeriod().getEndElement() : null),
      DateField.of("effectiveDateTime", s -> s.hasEffectiveDateTimeType() ? s.getEffectiveDateTimeType() : null),
      DateField.of("dateAsserted", MedicationStatement::getDateAssertedElement));

  private MedicationStatementPlan() {}

  private static Statuses<MedicationStatementStatus> statuses(String... codes) {
    return Statuses.of(MedicationStatementStatus.class, MedicationStatementStatus::toCode, codes);
  }
}
