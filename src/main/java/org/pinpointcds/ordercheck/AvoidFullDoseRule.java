package org.pinpointcds.ordercheck;

import java.util.List;
import org.pinpointcds.triage.Evidence;
import org.pinpointcds.triage.Formats;

/**
 * Row {@code avoid-full-dose}: the latest count is low enough that full-dose anticoagulation is generally avoided.
 *
 * <p>Source: ISTH SSC guidance on anticoagulation with thrombocytopenia (Samuelson Bannow et al., J Thromb Haemost
 * 2018: full dose at 50 x10^9/L or more). Threshold: from 20 to below 50 x10^9/L (configurable).
 */
final class AvoidFullDoseRule implements OrderRule {

  @Override
  public OrderCheckOutcome outcome() {
    return OrderCheckOutcome.AVOID_FULL_DOSE;
  }

  @Override
  public String statement(OrderCheckContext context) {
    return "Latest platelet count below %s x10^9/L: full-dose anticoagulation is generally avoided; reconsider the drug"
        .formatted(Formats.number(context.settings().fullDosePlateletsBelow())) + " or the dose";
  }

  @Override
  public List<Evidence> evidence(OrderCheckContext context) {
    OrderCheckSettings settings = context.settings();
    return context.latestCountIn(settings.highRiskPlateletsBelow(), settings.fullDosePlateletsBelow()).stream()
        .<Evidence>map(Evidence.PlateletReading::new)
        .toList();
  }
}
