package org.pinpointcds.testing;

import java.time.Instant;

/** Service calls and feedback as an EHR sends them, small enough to read in a test. */
public final class HookRequests {

  private HookRequests() {}

  /**
   * A patient-view call for non-blanching petechiae seen at {@code observedAt} with no documented cause: a
   * same-day CBC card. Every other prefetch key is sent as null ("no data").
   */
  public static String unexplainedPetechiae(String hookInstance, String patientId, Instant observedAt) {
    return """
        {"hook": "patient-view", "hookInstance": "%1$s",
         "context": {"userId": "Practitioner/example-clinician", "patientId": "%2$s"},
         "prefetch": {
           "patient": {"resourceType": "Patient", "id": "%2$s", "birthDate": "1979-04-12"},
           "skinFindings": {"resourceType": "Bundle", "type": "searchset", "entry": [{"resource": {
             "resourceType": "Observation", "id": "skin-1", "status": "final",
             "code": {"coding": [{"system": "https://pinpoint-cds.org/fhir/CodeSystem/skin-finding", "code": "petechiae"}]},
             "subject": {"reference": "Patient/%2$s"}, "effectiveDateTime": "%3$s",
             "component": [{"code": {"coding": [{"system": "https://pinpoint-cds.org/fhir/CodeSystem/skin-finding-component",
               "code": "blanches"}]}, "valueBoolean": false}]}}]},
           "temperatures": null, "plateletCounts": null, "conditions": null, "medicationStatements": null,
           "medicationRequests": null, "cbcOrders": null}}
        """.formatted(hookInstance, patientId, observedAt);
  }

  /** Feedback that accepts the suggestion {@code suggestionId} of card {@code cardUuid}. */
  public static String accepted(String cardUuid, String suggestionId, Instant at) {
    return """
        {"feedback": [{"card": "%s", "outcome": "accepted", "acceptedSuggestions": [{"id": "%s"}],
          "outcomeTimestamp": "%s"}]}
        """.formatted(cardUuid, suggestionId, at);
  }

  /** Feedback that overrides card {@code cardUuid} with a Pinpoint override reason. */
  public static String overridden(String cardUuid, String reasonCode, Instant at) {
    return """
        {"feedback": [{"card": "%s", "outcome": "overridden", "overrideReason": {"reason": {
          "system": "https://pinpoint-cds.org/fhir/CodeSystem/override-reason", "code": "%s"},
          "userComment": "examined today"}, "outcomeTimestamp": "%s"}]}
        """.formatted(cardUuid, reasonCode, at);
  }
}
