package org.pinpointcds.triage;

import java.util.List;

/**
 * Contract section 4, row <code>same-day-cbc</code>, {@link ReasonKind#LOW_PLATELETS}.
 * The latest platelet count is low but not critical.
 *
 * <p>Source: thrombocytopenia is below 150 x10^9/L (Temple &amp; Burns); IWG 2009 ITP threshold below 100.
 * Inputs: the most recent final, amended or corrected count. Threshold: from 20 to below 150 x10^9/L
 * (configurable).
 */
final class LowPlateletsRule implements Rule {

  @Override
  public String statement(TriageContext context) {
    return "Latest platelet count below %s x10^9/L: thrombocytopenia"
        .formatted(Formats.number(context.settings().lowPlateletsBelow()));
  }

  @Override
  public List<Evidence> evidence(TriageContext context) {
    TriageSettings settings = context.settings();
    return context.latestPlateletCount()
        .filter(p -> p.mostUrgentValue() >= settings.criticalPlateletsBelow())
        .filter(p -> p.mostUrgentValue() < settings.lowPlateletsBelow())
        .<Evidence>map(Evidence.PlateletReading::new)
        .stream()
        .toList();
  }
}
