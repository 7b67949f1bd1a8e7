package org.pinpointcds.ordercheck;

import org.pinpointcds.triage.Evidence;
import java.util.List;
import org.pinpointcds.triage.Guidance;

/**
 * A row of the order-check table that holds: what it says, the data behind it and the guidance it rests on.
 *
 * @param evidence the data, each item with its value, unit, date and source reference (worded by cards/)
 */
public record OrderReason(OrderCheckOutcome outcome, String statement, List<Evidence> evidence, Guidance guidance) {

  public OrderReason {
    evidence = List.copyOf(evidence);
  }
}
