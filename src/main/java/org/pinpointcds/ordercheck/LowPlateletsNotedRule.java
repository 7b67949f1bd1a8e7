package org.pinpointcds.ordercheck;

import java.util.List;
import org.pinpointcds.triage.Evidence;
import org.pinpointcds.triage.Formats;

/**
 * Row {@code low-platelets-noted}: thrombocytopenia that does not by itself stand against the drug; monitor.
 *
 * <p>Source: thrombocytopenia is a count below 150 x10^9/L (Temple &amp; Burns). Threshold: from 50 to below 150
 * x10^9/L (configurable).
 */
final class LowPlateletsNotedRule implements OrderRule {

  @Override
  public OrderCheckOutcome outcome() {
    return OrderCheckOutcome.LOW_PLATELETS_NOTED;
  }

  @Override
  public String statement(OrderCheckContext context) {
    return "Latest platelet count below %s x10^9/L: low platelets noted; monitor the count"
        .formatted(Formats.number(context.settings().lowPlateletsBelow()));
  }

  @Override
  public List<Evidence> evidence(OrderCheckContext context) {
    OrderCheckSettings settings = context.settings();
    return context.latestCountIn(settings.fullDosePlateletsBelow(), settings.lowPlateletsBelow()).stream()
        .<Evidence>map(Evidence.PlateletReading::new)
        .toList();
  }
}
