package org.pinpointcds.diagnostics;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The diagnostics answer: what Pinpoint reads from a patient's data and what it ignores, resource by resource,
 * and the cards that data would give at {@code asOf}.
 *
 * @param cards {@code source.topic} codes of the cards the data gives now, most urgent first; empty for none
 * @param prefetch for a CDS Hooks request, what became of each prefetch key
 * @param counts how many resources were read, read but not used, and ignored
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record PatientDataReport(
    String patientId,
    Instant asOf,
    List<String> cards,
    Map<String, String> prefetch,
    Map<String, Long> counts,
    List<ResourceReading> resources) {}
