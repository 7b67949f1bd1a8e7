package org.pinpointcds.triage;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
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
  public ReasonKind kind() {
    return ReasonKind.NO_MECHANICAL_TRIGGER;
  }

  @Override
  public String statement(TriageContext context) {
    return "Non-blanching spots with no mechanical cause documented: unexplained until a blood count says otherwise";
  }

  @Override
  public List<String> evidence(TriageContext context) {
    Optional<SkinFinding> latest = context.nonBlanchingFindings().stream().findFirst();
    boolean causeDocumented = latest.map(f -> !f.components().triggers().isEmpty()).orElse(false);
    if (causeDocumented || !context.hasNonBlanchingFinding()) {
      return List.of();
    }
    List<String> evidence = new ArrayList<>();
    latest.ifPresent(f -> evidence.add(Evidence.of(f.name() + " with no cause recorded", f.reference(), f.observedAt())));
    context.petechiaeConditions()
        .forEach(c -> evidence.add(Evidence.of("diagnosis " + c.name(), c.reference(), c.dated().orElseThrow())));
    if (context.isChild()) {
      evidence.add("child aged %d: a non-blanching rash without a mechanical cause is a same-day assessment at least"
          .formatted(context.ageYears().orElseThrow()));
    }
    return evidence;
  }
}
