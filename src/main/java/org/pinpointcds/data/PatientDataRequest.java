package org.pinpointcds.data;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;

/**
 * What a hook call gives the data layer.
 *
 * @param contextTokens values for prefetch tokens: {@code context.patientId}, {@code userPractitionerId}, ...
 * @param prefetch the prefetch object as sent: a key holding JSON {@code null} means "no data", a key that is
 *     absent means "not supplied"
 */
public record PatientDataRequest(
    String patientId,
    Map<String, String> contextTokens,
    Map<String, JsonNode> prefetch,
    Optional<FhirAccess> fhirAccess) {}
