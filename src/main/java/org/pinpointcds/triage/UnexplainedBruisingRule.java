package org.pinpointcds.triage;

import java.util.List;
import java.util.Set;

/**
 * Contract section 4, row <code>same-day-cbc</code>, {@link ReasonKind#UNEXPLAINED_BRUISING}.
 * Unexplained bruising with the spots.
 *
 * <p>Source: thrombocytopenia work-up (Temple &amp; Burns): bruising with minor trauma below about 30
 * x10^9/L. Inputs: associated-symptom components of any recent finding (contract 5.4).
 */
final class UnexplainedBruisingRule implements Rule {

  @Override
  public String statement(TriageContext context) {
    return "Unexplained bruising with the spots";
  }

  @Override
  public List<Evidence> evidence(TriageContext context) {
    return context.symptoms(Set.of(Symptom.UNEXPLAINED_BRUISING));
  }
}
