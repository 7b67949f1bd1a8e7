package org.pinpointcds.triage;

import java.util.List;

/**
 * The latest platelet count is critically low.
 *
 * <p>Source: ASH 2019 ITP guideline (admission suggested below 20 x10^9/L when newly diagnosed); CTCAE
 * grade 4. Inputs: the most recent final, amended or corrected count. Threshold: below 20 x10^9/L
 * (configurable).
 */
final class CriticalPlateletsRule implements Rule {

  @Override
  public ReasonKind kind() {
    return ReasonKind.CRITICAL_PLATELETS;
  }

  @Override
  public String statement(TriageContext context) {
    return "Latest platelet count below %s x10^9/L: critical thrombocytopenia"
        .formatted(Evidence.number(context.settings().criticalPlateletsBelow()));
  }

  @Override
  public List<String> evidence(TriageContext context) {
    return context.latestPlateletCount()
        .filter(p -> p.mostUrgentValue() < context.settings().criticalPlateletsBelow())
        .map(PlateletEvidence::of)
        .stream()
        .toList();
  }
}
