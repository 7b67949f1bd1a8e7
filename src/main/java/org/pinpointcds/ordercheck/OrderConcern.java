package org.pinpointcds.ordercheck;

import java.util.List;
import java.util.Optional;
import org.pinpointcds.triage.CbcOrder;
import org.pinpointcds.triage.OrderKind;
import org.pinpointcds.triage.SuggestedOrder;

/**
 * One draft order that triggers, and what it calls for: one card.
 *
 * @param reasons every row that holds, most urgent first: the first makes the card, the others go in its detail
 * @param orders what the card suggests ordering (CBC, INR)
 * @param recentCbc a CBC ordered within the look-back, which the card names; it replaces the CBC suggestion unless
 *     {@code orders} still holds one (a high-risk card's stat CBC is replaced only by a stat or asap order)
 */
public record OrderConcern(DraftOrder order, List<OrderReason> reasons, List<SuggestedOrder> orders,
    Optional<CbcOrder> recentCbc) {

  public OrderConcern {
    if (reasons.isEmpty()) {
      throw new IllegalArgumentException("a concern needs the row that makes its card");
    }
    reasons = List.copyOf(reasons);
    orders = List.copyOf(orders);
  }

  public OrderCheckOutcome outcome() {
    return reasons.get(0).outcome();
  }

  /** Warning and critical cards offer to remove the draft order (contract 6). */
  public boolean suggestsRemoval() {
    return outcome().suggestsAction();
  }

  public boolean cbcAlreadyOrdered() {
    return recentCbc.isPresent() && orders.stream().noneMatch(o -> o.kind() == OrderKind.CBC);
  }
}
