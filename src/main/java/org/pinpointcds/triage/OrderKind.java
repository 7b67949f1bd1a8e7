package org.pinpointcds.triage;

/** What a card can suggest ordering. */
public enum OrderKind {
  CBC,
  INR,
  DERMATOLOGY_REFERRAL
}
