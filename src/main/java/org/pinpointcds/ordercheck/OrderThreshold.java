package org.pinpointcds.ordercheck;

import org.pinpointcds.triage.Coded;

/**
 * Every threshold and look-back of the order check, named once: the code of each is its key in the {@code thresholds}
 * of {@code cds-services/antithrombotic-order-check.json} (where its value and source are) and in
 * {@code pinpoint.order-check.<code>}. Start-up refuses a key that is not here, and a threshold here with no value.
 */
public enum OrderThreshold implements Coded {
  HIGH_RISK_PLATELETS_BELOW,
  FULL_DOSE_PLATELETS_BELOW,
  LOW_PLATELETS_BELOW,
  PLATELET_COUNT_LOOKBACK
}
