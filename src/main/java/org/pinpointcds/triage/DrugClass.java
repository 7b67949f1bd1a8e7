package org.pinpointcds.triage;

import java.util.EnumSet;
import java.util.Set;

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
  TOPICAL_CORTICOSTEROIDS("topical corticosteroid"),
  /** Impair platelet function: read by the order check (contract 6), not by the triage (contract 3.2 lists no NSAID). */
  NSAIDS("NSAID");

  private final String label;

  DrugClass(String label) {
    this.label = label;
  }

  /** How the class is named in card text. */
  public String label() {
    return label;
  }

  /** The classes of contract section 3.2, the ones the triage reads. */
  public static Set<DrugClass> triaged() {
    return EnumSet.complementOf(EnumSet.of(NSAIDS));
  }

  public boolean isTriaged() {
    return this != NSAIDS;
  }

  /** Anticoagulants and antiplatelets: they raise bleeding risk and call for a same-day CBC. */
  public boolean isAntithrombotic() {
    return !isCorticosteroid() && this != NSAIDS;
  }

  /** Antithrombotics and NSAIDs: a draft order of one is what the order check checks (contract 6). */
  public boolean actsOnBleeding() {
    return !isCorticosteroid();
  }

  /** Corticosteroids thin the skin: named in the card, they do not change the outcome. */
  public boolean isCorticosteroid() {
    return this == SYSTEMIC_CORTICOSTEROIDS || this == TOPICAL_CORTICOSTEROIDS;
  }
}
