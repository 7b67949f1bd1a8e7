package org.pinpointcds.triage;

/** Spots inside the mouth or on the whites of the eyes (component {@code mucosal-involvement}). */
public enum MucosalSite implements Coded {
  MOUTH,
  CONJUNCTIVA
}
