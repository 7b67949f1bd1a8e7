package org.pinpointcds.data;

import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationStatus;

/**
 * What of an Observation counts, for the tree ({@link PrefetchSelection}) and the readers ({@link SnapshotBuilder},
 * {@link SkinFindingReader}).
 */
final class ObservationPlan {

  /** Skin findings and body temperatures (contract 3.1): registered, cancelled, entered-in-error never count. */
  static final Statuses<ObservationStatus> FINDINGS = Statuses.of(ObservationStatus.class, ObservationStatus::toCode,
      "final", "amended", "corrected", "preliminary");
  /** Laboratory results such as platelet counts count only once verified (contract 3.2). */
  static final Statuses<ObservationStatus> RESULTS = Statuses.of(ObservationStatus.class, ObservationStatus::toCode,
      "final", "amended", "corrected");
  /** When it was made: effective[x] (dateTime, Period start or instant), else issued; the first present. */
  static final DateFields<Observation> DATES = new DateFields<>(
      DateField.of("effectiveDateTime", o -> o.hasEffectiveDateTimeType() ? o.getEffectiveDateTimeType() : null),
      DateField.of("effectivePeriod.start",
          o -> o.hasEffectivePeriod() ? o.getEffectivePeriod().getStartElement() : null),
      DateField.of("effectiveInstant", o -> o.hasEffectiveInstantType() ? o.getEffectiveInstantType() : null),
      DateField.of("issued", Observation::getIssuedElement));

  private ObservationPlan() {}
}
