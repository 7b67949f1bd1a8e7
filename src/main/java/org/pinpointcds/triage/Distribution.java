package org.pinpointcds.triage;

/** Where the spots are (component {@code distribution}). */
public enum Distribution implements Coded {
  LOWER_LEGS,
  FACE_NECK_UPPER_CHEST,
  TRUNK_LIMBS,
  PRESSURE_AREA,
  GENERALIZED
}
