package org.pinpointcds.ordercheck;

import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import org.pinpointcds.triage.Guidance;

/**
 * The order check's thresholds and the guidance of each row; values come from configuration (defaults in
 * {@code cds-services/antithrombotic-order-check.json}, each with its source). Findings, red flags and the CBC
 * look-back are the triage's (contract 6: "recent findings as in section 4").
 *
 * @param highRiskPlateletsBelow a latest count below this (x10^9/L) makes the order high-risk
 * @param fullDosePlateletsBelow below this, full-dose anticoagulation is generally avoided
 * @param lowPlateletsBelow below this, low platelets are noted
 * @param plateletCountLookback how recent a readable count must be to start a drug over a red finding
 */
public record OrderCheckSettings(
    double highRiskPlateletsBelow,
    double fullDosePlateletsBelow,
    double lowPlateletsBelow,
    Duration plateletCountLookback,
    Map<OrderCheckOutcome, Guidance> guidance) {

  public OrderCheckSettings {
    if (!(highRiskPlateletsBelow < fullDosePlateletsBelow && fullDosePlateletsBelow < lowPlateletsBelow)) {
      throw new IllegalArgumentException("platelet thresholds must rise: high-risk %s, full-dose %s, low %s"
          .formatted(highRiskPlateletsBelow, fullDosePlateletsBelow, lowPlateletsBelow));
    }
    EnumSet<OrderCheckOutcome> missing = EnumSet.allOf(OrderCheckOutcome.class);
    missing.removeAll(guidance.keySet());
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("guidance missing for " + missing);
    }
    guidance = Map.copyOf(new EnumMap<>(guidance));
  }
}
