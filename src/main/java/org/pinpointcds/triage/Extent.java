package org.pinpointcds.triage;

/** How much of the body the spots cover (component {@code extent}). */
public enum Extent implements Coded {
  LOCALIZED,
  WIDESPREAD
}
