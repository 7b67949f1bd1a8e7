package org.pinpointcds.triage;

import java.util.List;
import java.util.Objects;

/**
 * Each row of the triage table that can fire (contract section 4), declared once: the outcome it calls for, the rule
 * that implements it (its test is named after the rule), the contract's words for when it fires, the phrase a card's
 * summary uses for it, and the thresholds its rule applies. Its guidance is the entry of the service definition's
 * {@code guidance} named by its {@link #code()}; start-up fails without one, or without a value for a threshold.
 * Rules run in this order. A new row is a constant here, its rule class and test, and its guidance entry.
 */
public enum ReasonKind implements Coded {
  FEVER(Outcome.EMERGENCY_EVALUATION, new FeverRule(),
      "fever: temperature >= 38.0 °C in the last 24 h, a fever symptom component, or an active fever Condition from"
          + " the last 72 h", "fever",
      Threshold.FEVER_CELSIUS, Threshold.TEMPERATURE_LOOKBACK, Threshold.FEVER_CONDITION_LOOKBACK),
  MENINGITIS_SIGNS(Outcome.EMERGENCY_EVALUATION, new MeningitisSignsRule(),
      "confusion or neck stiffness", "confusion or neck stiffness"),
  BLEEDING(Outcome.EMERGENCY_EVALUATION, new BleedingRule(),
      "bleeding: gum bleeding, nosebleed, heavy menstrual bleeding, blood in urine"
      + " or stool, spots in the mouth or on the conjunctiva", "bleeding or mucosal spots"),
  CRITICAL_PLATELETS(Outcome.EMERGENCY_EVALUATION, new CriticalPlateletsRule(),
      "the latest platelet count < 20 x10^9/L", "critically low platelets",
      Threshold.CRITICAL_PLATELETS_BELOW),
  NO_MECHANICAL_TRIGGER(Outcome.SAME_DAY_CBC, new NoMechanicalTriggerRule(),
      "no mechanical trigger documented", "no documented cause",
      Threshold.CHILD_BELOW_AGE_YEARS),
  SPREADING_OR_WIDESPREAD(Outcome.SAME_DAY_CBC, new SpreadingOrWidespreadRule(),
      "spreading or widespread", "spreading or widespread spots"),
  /** The summary names the medicines instead of the phrase where it can. */
  ANTITHROMBOTIC(Outcome.SAME_DAY_CBC, new AntithromboticRule(),
      "an anticoagulant or antiplatelet drug", "an antithrombotic medicine"),
  LOW_PLATELETS(Outcome.SAME_DAY_CBC, new LowPlateletsRule(),
      "latest platelet count 20 to < 150 x10^9/L", "low platelets",
      Threshold.CRITICAL_PLATELETS_BELOW, Threshold.LOW_PLATELETS_BELOW),
  UNEXPLAINED_BRUISING(Outcome.SAME_DAY_CBC, new UnexplainedBruisingRule(),
      "unexplained bruising", "unexplained bruising"),
  PURPURA_SIZED_SPOT(Outcome.SAME_DAY_CBC, new PurpuraSizedSpotRule(),
      "a purpura-sized spot (>= 2 mm)", "purpura-sized spots",
      Threshold.PURPURA_DIAMETER_MM),
  KNOWN_THROMBOCYTOPENIA(Outcome.SAME_DAY_CBC, new KnownThrombocytopeniaRule(),
      "(v2) an active thrombocytopenia or immune thrombocytopenia Condition",
      "known thrombocytopenia"),
  PLATELETS_UNREADABLE(Outcome.SAME_DAY_CBC, new PlateletsUnreadableRule(),
      "(v2) the latest platelet count could not be read (section 5.3)",
      "an unreadable latest platelet count", Threshold.PLATELETS_PLAUSIBLE_MAX),
  BLANCHING_NOT_RECORDED(Outcome.CHECK_BLANCHING, new BlanchingNotRecordedRule(),
      "(v2) a red lesion whose blanching is not recorded (section 5.4)"
      + " and none of the emergency or same-day rules fire", "no glass test recorded"),
  MECHANICAL_TRIGGER(Outcome.WATCHFUL_WAITING, new MechanicalTriggerRule(),
      "a documented mechanical trigger, not widespread, not spreading, and"
      + " none of the above", "a mechanical cause"),
  SUSPICIOUS_LESION(Outcome.URGENT_DERMATOLOGY_REFERRAL, new SuspiciousLesionRule(),
      "any lesion-feature (skin-cancer concern)",
      "features of concern"),
  BLANCHING_LESION(Outcome.ROUTINE_DERMATOLOGY_REFERRAL, new BlanchingLesionRule(),
      "blanching lesion (cherry-angioma, telangiectasia, or"
      + " blanches = true) with no non-blanching finding", "a blanching lesion");

  private final Outcome outcome;
  private final Rule rule;
  private final String row;
  private final String phrase;
  private final List<Threshold> thresholds;

  ReasonKind(Outcome outcome, Rule rule, String row, String phrase, Threshold... thresholds) {
    this.outcome = Objects.requireNonNull(outcome);
    this.rule = Objects.requireNonNull(rule);
    this.row = Objects.requireNonNull(row);
    this.phrase = Objects.requireNonNull(phrase);
    this.thresholds = List.of(thresholds);
  }

  /** The outcome this reason calls for when it fires. */
  public Outcome outcome() {
    return outcome;
  }

  Rule rule() {
    return rule;
  }

  /** When it fires, in the words of the contract's table (with the defaults of its thresholds). */
  public String row() {
    return row;
  }

  /** What a card's summary says for it: "Emergency evaluation now: non-blanching rash with <phrase>". */
  public String phrase() {
    return phrase;
  }

  /** The thresholds its rule applies; each must have a value at start-up. */
  public List<Threshold> thresholds() {
    return thresholds;
  }
}
