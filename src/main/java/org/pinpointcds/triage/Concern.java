package org.pinpointcds.triage;

import java.util.List;
import java.util.Optional;

/**
 * One clinical concern and what it calls for: the bleeding/infection concern of a non-blanching finding, or
 * the skin-lesion concern of a lesion. Each concern becomes exactly one card.
 *
 * @param reasons every rule that fired for this concern, most urgent first
 * @param recentCbc a CBC already ordered within the look-back: it replaces the CBC suggestion unless {@code orders}
 *     still holds one (an emergency's stat CBC is replaced only by a stat or asap order)
 */
public record Concern(
    Outcome outcome, List<Reason> reasons, List<SuggestedOrder> orders, Optional<CbcOrder> recentCbc) {

  public Concern {
    reasons = List.copyOf(reasons);
    orders = List.copyOf(orders);
  }

  /** Whether a CBC already ordered stands in for the CBC this concern would suggest. */
  public boolean cbcAlreadyOrdered() {
    return recentCbc.isPresent() && orders.stream().noneMatch(o -> o.kind() == OrderKind.CBC);
  }
}
