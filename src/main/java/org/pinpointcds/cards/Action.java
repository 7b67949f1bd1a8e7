package org.pinpointcds.cards;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;

/**
 * A change the EHR applies when the clinician accepts a suggestion.
 *
 * @param resource the FHIR resource as JSON, written by HAPI's R4 parser
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Action(String type, String description, @JsonRawValue String resource) {

  public static Action create(String description, String resourceJson) {
    return new Action("create", description, resourceJson);
  }
}
