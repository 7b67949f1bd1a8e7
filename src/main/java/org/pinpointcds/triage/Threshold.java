package org.pinpointcds.triage;

/**
 * Every threshold and look-back of the triage and of reading its data, named once: the code of each is its key in
 * the {@code thresholds} of {@code cds-services/petechiae-triage.json} (where its value and source are), in a site's
 * thresholds file and in {@code pinpoint.triage.<code>}. Start-up refuses a file with a key that is not here, and
 * a threshold here with no value.
 */
public enum Threshold implements Coded {
  FINDING_LOOKBACK,
  FEVER_CELSIUS,
  TEMPERATURE_LOOKBACK,
  FEVER_CONDITION_LOOKBACK,
  CRITICAL_PLATELETS_BELOW,
  LOW_PLATELETS_BELOW,
  PURPURA_DIAMETER_MM,
  CHILD_BELOW_AGE_YEARS,
  CBC_ORDER_LOOKBACK,
  SITE_TIME_ZONE,
  TEMPERATURE_PLAUSIBLE_MIN_CELSIUS,
  TEMPERATURE_PLAUSIBLE_MAX_CELSIUS,
  TEMPERATURE_INFERRED_MIN_FAHRENHEIT,
  TEMPERATURE_INFERRED_MAX_FAHRENHEIT,
  PLATELETS_PLAUSIBLE_MAX
}
