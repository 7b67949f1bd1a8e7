package org.pinpointcds.data;

import java.util.Set;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.codesystems.ConditionClinical;

/**
 * What of a Condition counts (contract 3.2), for {@link ConditionReader}. The tree keeps every Condition: a known
 * thrombocytopenia counts whatever its date.
 */
final class ConditionPlan {

  /** clinicalStatus codes that count; a Condition with none of them (or none at all) does not. */
  static final Statuses<ConditionClinical> CLINICAL_STATUSES = Statuses.of(ConditionClinical.class,
      ConditionClinical::toCode, "active", "recurrence", "relapse");
  /** verificationStatus codes that never count; any other, or none, does. */
  static final Set<String> EXCLUDED_VERIFICATION = Set.of("refuted", "entered-in-error");
  /** When it was noted: the latest of onset (dateTime or Period start) and recorded date. */
  static final DateFields<Condition> DATES = new DateFields<>(
      DateField.of("onsetDateTime", c -> c.hasOnsetDateTimeType() ? c.getOnsetDateTimeType() : null),
      DateField.of("onsetPeriod.start", c -> c.hasOnsetPeriod() ? c.getOnsetPeriod().getStartElement() : null),
      DateField.of("recordedDate", Condition::getRecordedDateElement));

  private ConditionPlan() {}
}
