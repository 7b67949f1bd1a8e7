package org.pinpointcds.triage;

import java.util.Optional;

/** An active or completed CBC order. */
public record CbcOrder(String reference, String name, When authoredOn, Optional<OrderPriority> priority) {

  /** Ordered stat or asap: only such an order stands in for the emergency card's stat CBC (contract 4). */
  public boolean isImmediate() {
    return priority.filter(p -> p == OrderPriority.STAT || p == OrderPriority.ASAP).isPresent();
  }

  /** Whether this order replaces a suggested CBC of {@code priority}: any does, but only an immediate one a stat CBC. */
  public boolean standsInFor(OrderPriority priority) {
    return priority != OrderPriority.STAT || isImmediate();
  }
}
