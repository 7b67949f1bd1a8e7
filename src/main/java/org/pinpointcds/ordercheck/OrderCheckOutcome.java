package org.pinpointcds.ordercheck;

import org.pinpointcds.triage.Coded;

/**
 * What an order-check card says, declared from most to least urgent (contract section 6); each is a code of the
 * {@code order-check-outcome} code system.
 */
public enum OrderCheckOutcome implements Coded {
  HIGH_RISK_ORDER,
  AVOID_FULL_DOSE,
  CHECK_PLATELETS_FIRST,
  /** Information only: the card suggests nothing. */
  LOW_PLATELETS_NOTED;

  /** The warning and critical outcomes: their cards suggest a CBC and removing the draft order. */
  public boolean suggestsAction() {
    return this != LOW_PLATELETS_NOTED;
  }

  public OrderCheckOutcome mostUrgent(OrderCheckOutcome other) {
    return compareTo(other) <= 0 ? this : other;
  }
}
