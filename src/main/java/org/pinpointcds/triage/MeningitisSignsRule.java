package org.pinpointcds.triage;

import java.util.List;
import java.util.Set;

/**
 * Contract section 4, row <code>emergency-evaluation</code>, {@link ReasonKind#MENINGITIS_SIGNS}.
 * Confusion or neck stiffness with a non-blanching rash, with or without fever.
 *
 * <p>Source: NICE NG240 red-flag combination; NICE NG51 high-risk criteria (new altered mental state).
 * Inputs: associated-symptom components of any recent finding (contract 5.4).
 */
final class MeningitisSignsRule implements Rule {

  @Override
  public String statement(TriageContext context) {
    return "Confusion or neck stiffness with a non-blanching rash: possible meningitis or sepsis";
  }

  @Override
  public List<Evidence> evidence(TriageContext context) {
    return context.symptoms(Set.of(Symptom.CONFUSION, Symptom.NECK_STIFFNESS));
  }
}
