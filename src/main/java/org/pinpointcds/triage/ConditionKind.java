package org.pinpointcds.triage;

/** The problem-list entries and diagnoses the rules read. */
public enum ConditionKind {
  /** ICD-10-CM R23.3 and site equivalents: a petechiae finding. */
  PETECHIAE,
  FEVER,
  /** Thrombocytopenia or immune thrombocytopenic purpura: named in the card as context. */
  THROMBOCYTOPENIA
}
