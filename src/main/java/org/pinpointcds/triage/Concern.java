package org.pinpointcds.triage;

import java.util.List;
import java.util.Optional;

/**
 * One clinical concern and what it calls for: the bleeding/infection concern of a non-blanching finding, or
 * the skin-lesion concern of a lesion. Each concern becomes exactly one card.
 *
 * @param reasons every rule that fired for this concern, most urgent first
 * @param recentCbc a CBC already ordered within the look-back, which replaces the CBC suggestion
 */
public record Concern(
    Outcome outcome, List<Reason> reasons, List<SuggestedOrder> orders, Optional<CbcOrder> recentCbc) {

  public Concern {
    reasons = List.copyOf(reasons);
    orders = List.copyOf(orders);
  }
}
