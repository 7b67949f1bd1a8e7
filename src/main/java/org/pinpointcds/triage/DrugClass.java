package org.pinpointcds.triage;

/**
 * The medicine classes the rules care about; each is a ValueSet of the same id in {@code fhir-profiles/}.
 */
public enum DrugClass implements Coded {
  VITAMIN_K_ANTAGONISTS("vitamin K antagonist"),
  HEPARINS("heparin"),
  DIRECT_THROMBIN_INHIBITORS("direct thrombin inhibitor"),
  FACTOR_XA_INHIBITORS("factor Xa inhibitor"),
  FONDAPARINUX("fondaparinux"),
  ANTIPLATELETS("antiplatelet"),
  SYSTEMIC_CORTICOSTEROIDS("systemic corticosteroid"),
  TOPICAL_CORTICOSTEROIDS("topical corticosteroid");

  private final String label;

  DrugClass(String label) {
    this.label = label;
  }

  /** How the class is named in card text. */
  public String label() {
    return label;
  }

  /** Anticoagulants and antiplatelets: they raise bleeding risk and call for a same-day CBC. */
  public boolean isAntithrombotic() {
    return !isCorticosteroid();
  }

  /** Corticosteroids thin the skin: named in the card, they do not change the outcome. */
  public boolean isCorticosteroid() {
    return this == SYSTEMIC_CORTICOSTEROIDS || this == TOPICAL_CORTICOSTEROIDS;
  }
}
