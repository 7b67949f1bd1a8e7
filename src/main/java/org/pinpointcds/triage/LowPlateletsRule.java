package org.pinpointcds.triage;

import java.util.List;

/**
 * The latest platelet count is low but not critical.
 *
 * <p>Source: thrombocytopenia is below 150 x10^9/L (Temple &amp; Burns); IWG 2009 ITP threshold below 100.
 * Inputs: the most recent final, amended or corrected count. Threshold: from 20 to below 150 x10^9/L
 * (configurable).
 */
final class LowPlateletsRule implements Rule {

  @Override
  public ReasonKind kind() {
    return ReasonKind.LOW_PLATELETS;
  }

  @Override
  public String statement(TriageContext context) {
    return "Latest platelet count below %s x10^9/L: thrombocytopenia"
        .formatted(Evidence.number(context.settings().lowPlateletsBelow()));
  }

  @Override
  public List<String> evidence(TriageContext context) {
    TriageSettings settings = context.settings();
    return context.latestPlateletCount()
        .filter(p -> p.mostUrgentValue() >= settings.criticalPlateletsBelow())
        .filter(p -> p.mostUrgentValue() < settings.lowPlateletsBelow())
        .map(PlateletEvidence::of)
        .stream()
        .toList();
  }
}
