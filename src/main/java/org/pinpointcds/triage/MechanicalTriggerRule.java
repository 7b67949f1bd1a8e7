package org.pinpointcds.triage;

import java.util.List;

/**
 * Contract section 4, row <code>watchful-waiting</code>, {@link ReasonKind#MECHANICAL_TRIGGER}.
 * Localised spots with a documented mechanical cause may be watched.
 *
 * <p>Source: Wells 2001 (no meningococcal disease with a rash confined to the SVC distribution); Kingston
 * Hospital pathway (clear mechanical cause, well child: observation). Inputs: the mechanical-trigger components of
 * the latest red finding (contract 5.4), and the spreading and extent components of every recent finding. Fires
 * only when no finding is spreading or widespread; any other reason outranks it.
 */
final class MechanicalTriggerRule implements Rule {

  @Override
  public String statement(TriageContext context) {
    return "Localised spots with a documented mechanical cause: with nothing else, likely to fade within days";
  }

  @Override
  public List<Evidence> evidence(TriageContext context) {
    if (context.recentFindings().stream().anyMatch(context::spreadingOrWidespread)) {
      return List.of();
    }
    return context.latestRedFinding().stream()
        .flatMap(f -> f.components().triggers().stream()
            .map(trigger -> (Evidence) new Evidence.FindingNote(f, Evidence.Aspect.MECHANICAL_TRIGGER, List.of(trigger.code()))))
        .toList();
  }
}
