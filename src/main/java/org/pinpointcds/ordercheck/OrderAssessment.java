package org.pinpointcds.ordercheck;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.pinpointcds.triage.DataGap;
import org.pinpointcds.triage.PlateletCount;
import org.pinpointcds.triage.Reason;

/**
 * The order check of one call's draft orders.
 *
 * @param latestCount the latest platelet count read, which the cards name
 * @param critical whether the latest count is below the high-risk threshold
 * @param redFinding how the latest recent red finding is named (e.g. {@code petechiae}), which the cards name
 * @param redFlags the triage's emergency red flags of a recent red finding, which a high-risk card names
 * @param concerns one per draft order that triggers, most urgent first; empty when none does
 * @param unread what could not be read and could change the answer now, named on every card (contract 5)
 */
public record OrderAssessment(String patientId, Instant assessedAt, Optional<PlateletCount> latestCount,
    boolean critical, Optional<String> redFinding, List<Reason> redFlags, List<OrderConcern> concerns, List<DataGap> unread) {

  public OrderAssessment {
    redFlags = List.copyOf(redFlags);
    concerns = List.copyOf(concerns);
    unread = List.copyOf(unread);
  }

  /** The same assessment for the orders named only (order-select checks the selected orders alone). */
  public OrderAssessment forOrders(Collection<String> references) {
    return new OrderAssessment(patientId, assessedAt, latestCount, critical, redFinding, redFlags,
        concerns.stream().filter(c -> references.contains(c.order().reference())).toList(), unread);
  }
}
