package org.pinpointcds.triage;

/** Features of a lesion that raise skin-cancer concern (component {@code lesion-feature}). */
public enum LesionFeature implements Coded {
  IRREGULAR,
  SCALY,
  CRUSTING,
  BLEEDS_EASILY,
  RAPIDLY_ENLARGING,
  NON_HEALING
}
