package org.pinpointcds.triage;

/** ServiceRequest priorities, as FHIR codes them. */
public enum OrderPriority implements Coded {
  STAT,
  ASAP,
  URGENT,
  ROUTINE
}
