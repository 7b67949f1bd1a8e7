package org.pinpointcds.cards;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A change the EHR applies when the clinician accepts a suggestion.
 *
 * @param resource the FHIR resource as JSON, its elements in the order HAPI's R4 parser writes them
 * @param resourceId for a {@code delete}, the relative reference of the resource to remove
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Action(String type, String description, ObjectNode resource, String resourceId) {

  public static Action create(String description, ObjectNode resource) {
    return new Action("create", description, resource, null);
  }

  /** Removes {@code reference} (for example a draft order, {@code MedicationRequest/draft-1}) from the EHR's data. */
  public static Action delete(String description, String reference) {
    return new Action("delete", description, null, reference);
  }
}
