package org.pinpointcds.triage;

/** Each row of the triage table that can fire, with the outcome it calls for (contract section 4). */
public enum ReasonKind implements Coded {
  FEVER(Outcome.EMERGENCY_EVALUATION),
  MENINGITIS_SIGNS(Outcome.EMERGENCY_EVALUATION),
  BLEEDING(Outcome.EMERGENCY_EVALUATION),
  CRITICAL_PLATELETS(Outcome.EMERGENCY_EVALUATION),
  NO_MECHANICAL_TRIGGER(Outcome.SAME_DAY_CBC),
  SPREADING_OR_WIDESPREAD(Outcome.SAME_DAY_CBC),
  ANTITHROMBOTIC(Outcome.SAME_DAY_CBC),
  LOW_PLATELETS(Outcome.SAME_DAY_CBC),
  UNEXPLAINED_BRUISING(Outcome.SAME_DAY_CBC),
  PURPURA_SIZED_SPOT(Outcome.SAME_DAY_CBC),
  KNOWN_THROMBOCYTOPENIA(Outcome.SAME_DAY_CBC),
  PLATELETS_UNREADABLE(Outcome.SAME_DAY_CBC),
  BLANCHING_NOT_RECORDED(Outcome.CHECK_BLANCHING),
  MECHANICAL_TRIGGER(Outcome.WATCHFUL_WAITING),
  SUSPICIOUS_LESION(Outcome.URGENT_DERMATOLOGY_REFERRAL),
  BLANCHING_LESION(Outcome.ROUTINE_DERMATOLOGY_REFERRAL);

  private final Outcome outcome;

  ReasonKind(Outcome outcome) {
    this.outcome = outcome;
  }

  /** The outcome this reason calls for when it fires. */
  public Outcome outcome() {
    return outcome;
  }
}
