package org.pinpointcds.triage;

/** Symptoms reported with the spots (component {@code associated-symptom}). */
public enum Symptom implements Coded {
  FEVER,
  CONFUSION,
  NECK_STIFFNESS,
  GUM_BLEEDING,
  NOSEBLEED,
  HEAVY_MENSTRUAL_BLEEDING,
  BLOOD_IN_URINE_OR_STOOL,
  UNEXPLAINED_BRUISING
}
