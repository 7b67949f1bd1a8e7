package org.pinpointcds.triage;

import java.util.List;

/**
 * Contract section 4, row <code>same-day-cbc</code>, {@link ReasonKind#KNOWN_THROMBOCYTOPENIA}.
 * A known thrombocytopenia or immune thrombocytopenia on the problem list, with non-blanching spots.
 *
 * <p>Source: ASH 2019 ITP guideline (new bleeding symptoms in known ITP call for a platelet count); Pinpoint contract
 * v2, section 4. Inputs: active Conditions of the thrombocytopenia value set (ICD-10-CM D69.3, D69.4x, D69.5x,
 * D69.6, site-mapped codes), whatever their date: the diagnosis stands until resolved.
 */
final class KnownThrombocytopeniaRule implements Rule {

  @Override
  public String statement(TriageContext context) {
    return "Known thrombocytopenia with non-blanching spots: the count may have fallen";
  }

  @Override
  public List<Evidence> evidence(TriageContext context) {
    return context.thrombocytopeniaConditions().stream()
        .map(c -> (Evidence) new Evidence.Diagnosis(c))
        .toList();
  }
}
