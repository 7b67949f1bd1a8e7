package org.pinpointcds.cards;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A change the EHR applies when the clinician accepts a suggestion.
 *
 * @param resource the FHIR resource as JSON, its elements in the order HAPI's R4 parser writes them
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Action(String type, String description, ObjectNode resource) {

  public static Action create(String description, ObjectNode resource) {
    return new Action("create", description, resource);
  }
}
