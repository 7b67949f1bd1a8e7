package org.pinpointcds.triage;

/** What a skin finding's code says about it, before its components are read. */
public enum FindingKind {
  /** Non-blanching spots of 2 mm or more. */
  PURPURA,
  /** Petechiae or a non-blanching rash. */
  NON_BLANCHING,
  /** Cherry angioma, telangiectasia: lesions that fade under pressure. */
  BLANCHING,
  /** A red spot not yet characterised: its components decide. */
  UNCHARACTERISED
}
