package org.pinpointcds.triage;

/** A clear mechanical cause of the spots (component {@code mechanical-trigger}). */
public enum MechanicalTrigger implements Coded {
  COUGHING,
  VOMITING,
  HEAVY_LIFTING,
  EXERCISE,
  PRESSURE,
  TRAUMA
}
