package org.pinpointcds.triage;

/**
 * What a concern calls for, declared from most to least urgent (contract section 4).
 *
 * <p>Both dermatology outcomes share one topic code; the indicator tells them apart.
 */
public enum Outcome {
  EMERGENCY_EVALUATION("emergency-evaluation"),
  SAME_DAY_CBC("same-day-cbc"),
  URGENT_DERMATOLOGY_REFERRAL("dermatology-referral"),
  /** A red lesion whose blanching is not recorded (contract v2): do the glass test. */
  CHECK_BLANCHING("check-blanching"),
  WATCHFUL_WAITING("watchful-waiting"),
  ROUTINE_DERMATOLOGY_REFERRAL("dermatology-referral");

  private final String topicCode;

  Outcome(String topicCode) {
    this.topicCode = topicCode;
  }

  /** The code of this outcome in the triage-outcome code system. */
  public String topicCode() {
    return topicCode;
  }

  /** Returns the more urgent of this and {@code other}. */
  public Outcome mostUrgent(Outcome other) {
    return compareTo(other) <= 0 ? this : other;
  }
}
