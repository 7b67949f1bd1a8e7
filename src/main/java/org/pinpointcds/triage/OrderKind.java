package org.pinpointcds.triage;

/** What a card can suggest ordering. */
public enum OrderKind implements Coded {
  CBC,
  INR,
  DERMATOLOGY_REFERRAL
}
