package org.pinpointcds.diagnostics;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.pinpointcds.data.PatientDataReader;
import org.pinpointcds.data.PatientDataRequest;
import org.pinpointcds.triage.PatientSnapshot;
import org.pinpointcds.triage.Triage;
import org.pinpointcds.triage.TriageSettings;

/**
 * The $validate-style helper for integration teams: runs a patient's data through the real data layer and
 * triage, recording every decision, and says what Pinpoint reads, what it ignores and why, and which cards
 * the data gives. Never fetches from a FHIR server.
 */
public final class PatientDataDiagnostics {

  private final PatientDataReader reader;
  private final Map<String, String> prefetchTemplates;
  private final TriageSettings settings;

  public PatientDataDiagnostics(PatientDataReader reader, Map<String, String> prefetchTemplates, TriageSettings settings) {
    this.reader = reader;
    this.prefetchTemplates = Map.copyOf(prefetchTemplates);
    this.settings = settings;
  }

  /** A CDS Hooks call's prefetch, as the service would read it (keys it would fetch are reported, not fetched). */
  public PatientDataReport diagnose(PatientDataRequest request, Instant asOf) {
    ReadingLog log = new ReadingLog();
    return report(request.patientId(), asOf, log, reader.explain(prefetchTemplates, request, log));
  }

  /** A patient's data as one resource or Bundle. */
  public PatientDataReport diagnose(String patientId, IBaseResource data, Instant asOf) {
    ReadingLog log = new ReadingLog();
    return report(patientId, asOf, log, reader.explain(patientId, data, log));
  }

  private PatientDataReport report(String patientId, Instant asOf, ReadingLog log, PatientSnapshot snapshot) {
    Triage triage = new Triage(settings, Clock.fixed(asOf, ZoneOffset.UTC));
    var readings = log.readings(triage.setAside(snapshot));
    Map<String, Long> counts = new TreeMap<>(readings.stream()
        .collect(Collectors.groupingBy(ResourceReading::decision, Collectors.counting())));
    return new PatientDataReport(patientId, asOf,
        triage.assess(snapshot).concerns().stream().map(c -> c.outcome().topicCode()).toList(),
        log.prefetch(), counts, readings);
  }

}
