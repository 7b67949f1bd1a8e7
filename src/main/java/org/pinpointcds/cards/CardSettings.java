package org.pinpointcds.cards;

import java.util.List;
import java.util.Map;
import org.pinpointcds.triage.OrderKind;
import org.pinpointcds.triage.Outcome;

/**
 * What the renderer needs besides the assessment, read from the service definition and the terminology.
 *
 * @param topics the triage-outcome coding of each outcome
 * @param overrideReasons the reasons a clinician can pick to dismiss each outcome's card
 */
public record CardSettings(
    String sourceLabel,
    Map<OrderKind, OrderCode> orders,
    Map<Outcome, Coding> topics,
    Map<Outcome, List<Coding>> overrideReasons) {

  public CardSettings {
    orders = Map.copyOf(orders);
    topics = Map.copyOf(topics);
    overrideReasons = Map.copyOf(overrideReasons);
  }
}
