package org.pinpointcds.triage;

import java.util.List;

/**
 * Contract section 4, row <code>same-day-cbc</code>, {@link ReasonKind#ANTITHROMBOTIC}.
 * Petechiae in a patient taking an anticoagulant or antiplatelet medicine.
 *
 * <p>Source: HL7 PDDI-CDS warfarin pattern; the triage source article (blood thinners). Inputs: current
 * medicines and those stopped within their class look-back. Not covered: the dose, and whether the INR is
 * in range (the card suggests an INR for vitamin K antagonists).
 */
final class AntithromboticRule implements Rule {

  @Override
  public String statement(TriageContext context) {
    return "Taking an anticoagulant or antiplatelet medicine: check the blood count (and INR for a vitamin K"
        + " antagonist); do not stop the medicine without the prescriber";
  }

  @Override
  public List<Evidence> evidence(TriageContext context) {
    return context.currentMedicines().stream()
        .filter(m -> m.drugClass().isAntithrombotic())
        .<Evidence>map(Evidence.Medicine::new)
        .toList();
  }
}
