package org.pinpointcds.ordercheck;

import java.util.Set;
import org.pinpointcds.triage.DrugClass;

/**
 * A draft medication order whose medicine acts on bleeding: an anticoagulant, an antiplatelet or an NSAID.
 *
 * @param reference the draft MedicationRequest, e.g. {@code MedicationRequest/draft-1}: what a delete action removes
 * @param name how the order names the medicine, e.g. {@code apixaban}
 */
public record DraftOrder(String reference, String name, Set<DrugClass> classes) {

  public DraftOrder {
    classes = Set.copyOf(classes);
  }

  /** Calls for an INR besides the CBC (contract 6). */
  public boolean isVitaminKAntagonist() {
    return classes.contains(DrugClass.VITAMIN_K_ANTAGONISTS);
  }
}
