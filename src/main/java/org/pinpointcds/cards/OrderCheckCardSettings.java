package org.pinpointcds.cards;

import java.util.List;
import java.util.Map;
import org.pinpointcds.ordercheck.OrderCheckOutcome;

/**
 * What the order-check renderer needs besides the assessment, read from the service definition and the
 * terminology; the suggested orders' codes are the triage's ({@link CardSettings#orders()}).
 *
 * @param topics the order-check-outcome coding of each outcome
 * @param overrideReasons the reasons a prescriber can pick to dismiss each outcome's card
 */
public record OrderCheckCardSettings(
    String sourceLabel,
    Map<OrderCheckOutcome, Coding> topics,
    Map<OrderCheckOutcome, List<Coding>> overrideReasons) {

  public OrderCheckCardSettings {
    topics = Map.copyOf(topics);
    overrideReasons = Map.copyOf(overrideReasons);
  }
}
