package org.pinpointcds.triage;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Contract section 4, row <code>emergency-evaluation</code>, {@link ReasonKind#BLEEDING}.
 * Bleeding, or spots in the mouth or on the conjunctiva, with a non-blanching rash.
 *
 * <p>Source: ASH 2019 ITP guideline (admit for mucosal bleeding); NICE NG240 (check the conjunctivae).
 * Inputs: associated-symptom and mucosal-involvement components of any recent finding (contract 5.4).
 */
final class BleedingRule implements Rule {

  private static final Set<Symptom> BLEEDING =
      Set.of(Symptom.GUM_BLEEDING, Symptom.NOSEBLEED, Symptom.HEAVY_MENSTRUAL_BLEEDING, Symptom.BLOOD_IN_URINE_OR_STOOL);

  @Override
  public String statement(TriageContext context) {
    return "Bleeding or mucosal spots with a non-blanching rash: possible severe thrombocytopenia or bleeding disorder";
  }

  @Override
  public List<Evidence> evidence(TriageContext context) {
    return Stream.concat(
            context.symptoms(BLEEDING).stream(),
            context.onAnyFinding(Evidence.Aspect.MUCOSAL_SITE, f -> f.components().mucosalSites().stream()).stream())
        .toList();
  }
}
