package org.pinpointcds.triage;

import java.util.List;

/**
 * Contract section 4, row <code>emergency-evaluation</code>, {@link ReasonKind#CRITICAL_PLATELETS}.
 * The latest platelet count is critically low.
 *
 * <p>Source: ASH 2019 ITP guideline (admission suggested below 20 x10^9/L when newly diagnosed); CTCAE
 * grade 4. Inputs: the most recent final, amended or corrected count. Threshold: below 20 x10^9/L
 * (configurable).
 */
final class CriticalPlateletsRule implements Rule {

  @Override
  public String statement(TriageContext context) {
    return "Latest platelet count below %s x10^9/L: critical thrombocytopenia"
        .formatted(Formats.number(context.settings().criticalPlateletsBelow()));
  }

  @Override
  public List<Evidence> evidence(TriageContext context) {
    return context.latestPlateletCount()
        .filter(p -> p.mostUrgentValue() < context.settings().criticalPlateletsBelow())
        .<Evidence>map(Evidence.PlateletReading::new)
        .stream()
        .toList();
  }
}
