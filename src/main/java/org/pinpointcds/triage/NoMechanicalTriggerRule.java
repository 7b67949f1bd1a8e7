package org.pinpointcds.triage;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Contract section 4, row <code>same-day-cbc</code>, {@link ReasonKind#NO_MECHANICAL_TRIGGER}.
 * A non-blanching rash with no mechanical cause documented needs a same-day assessment and CBC; in a child
 * this is the minimum.
 *
 * <p>Source: Wells 2001 (no fever is not safety); Kingston Hospital and NHS non-blanching rash pathways;
 * NICE NG240. Inputs: the mechanical-trigger components of the latest non-blanching finding: a trigger recorded on
 * an older finding does not explain a newer one, and a diagnosis alone documents no cause (contract 5.4). A red
 * lesion whose blanching is not recorded is left to {@link BlanchingNotRecordedRule}.
 */
final class NoMechanicalTriggerRule implements Rule {

  @Override
  public String statement(TriageContext context) {
    return "Non-blanching spots with no mechanical cause documented: unexplained until a blood count says otherwise";
  }

  @Override
  public List<Evidence> evidence(TriageContext context) {
    Optional<SkinFinding> latest = context.nonBlanchingFindings().stream().findFirst();
    boolean causeDocumented = latest.map(f -> !f.components().triggers().isEmpty()).orElse(false);
    if (causeDocumented || !context.hasNonBlanchingFinding()) {
      return List.of();
    }
    List<Evidence> evidence = new ArrayList<>();
    latest.ifPresent(f -> evidence.add(new Evidence.FindingNote(f, Evidence.Aspect.NO_CAUSE_RECORDED)));
    context.petechiaeConditions()
        .forEach(c -> evidence.add(new Evidence.Diagnosis(c)));
    if (context.isChild()) {
      evidence.add(new Evidence.ChildAged(context.ageYears().orElseThrow()));
    }
    return evidence;
  }
}
