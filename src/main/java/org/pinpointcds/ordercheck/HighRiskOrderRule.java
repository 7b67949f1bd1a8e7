package org.pinpointcds.ordercheck;

import java.util.List;
import java.util.stream.Stream;
import org.pinpointcds.triage.Evidence;
import org.pinpointcds.triage.Formats;

/**
 * Row {@code high-risk-order}: a drug that acts on bleeding for a patient whose latest count is critical, or whose
 * recent red finding comes with an emergency red flag of section 4.
 *
 * <p>Source: ASH 2019 ITP guideline (below 20 x10^9/L); NICE NG240 (a non-blanching rash with fever or meningitis
 * signs is an emergency). Threshold: below 20 x10^9/L (configurable); the red flags are the triage's.
 */
final class HighRiskOrderRule implements OrderRule {

  @Override
  public OrderCheckOutcome outcome() {
    return OrderCheckOutcome.HIGH_RISK_ORDER;
  }

  @Override
  public String statement(OrderCheckContext context) {
    return "Latest platelet count below %s x10^9/L, or a recent non-blanching rash with fever, meningitis signs or"
        .formatted(Formats.number(context.settings().highRiskPlateletsBelow()))
        + " bleeding: the order is high-risk";
  }

  @Override
  public List<Evidence> evidence(OrderCheckContext context) {
    return Stream.concat(
            context.criticalCount().stream().<Evidence>map(Evidence.PlateletReading::new),
            context.redFlags().stream()
                .flatMap(flag -> flag.evidence().stream().map(e -> new Evidence.RedFlag(flag.kind(), e))))
        .toList();
  }
}
