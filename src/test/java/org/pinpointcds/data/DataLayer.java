package org.pinpointcds.data;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.pinpointcds.config.ServiceDefinition;
import org.pinpointcds.config.ServiceSettings;
import org.pinpointcds.terminology.Terminology;
import org.pinpointcds.testing.Await;
import org.pinpointcds.testing.HookRequest;
import org.pinpointcds.testing.ServiceParts;
import org.pinpointcds.triage.Assessment;
import org.pinpointcds.triage.PatientSnapshot;

/**
 * The data layer as the service wires it (terminology from {@code fhir-profiles/}, units and thresholds from
 * {@code cds-services/petechiae-triage.json}), at a fixed moment and without a FHIR server.
 */
final class DataLayer {

  static final Instant NOW = Instant.parse("2026-11-20T09:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final FhirContext FHIR = ServiceParts.FHIR;
  static final Terminology TERMINOLOGY = ServiceParts.TERMINOLOGY;
  static final ServiceDefinition DEFINITION = ServiceParts.DEFINITION;
  static final ServiceSettings SETTINGS = ServiceParts.SETTINGS;
  /** The service's fetcher when it has nothing to fetch with: every key it is asked for is unavailable. */
  static final MissingDataFetcher NO_SERVER = ServiceParts.NO_SERVER;

  private DataLayer() {}

  static Instant ago(Duration duration) {
    return NOW.minus(duration);
  }

  static PatientDataReader reader(MissingDataFetcher fetcher) {
    return ServiceParts.reader(fetcher, CLOCK);
  }

  static PatientDataRequest dataRequest(HookRequest request, Optional<FhirAccess> access) {
    return new PatientDataRequest(HookRequest.PATIENT_ID, Map.of("context.patientId", HookRequest.PATIENT_ID),
        request.prefetchMap(), access);
  }

  static PatientSnapshot snapshot(HookRequest request) {
    return Await.value(reader(NO_SERVER).read(DEFINITION.prefetch(), dataRequest(request, Optional.empty())));
  }

  /** Data layer and triage together, with the service's own settings. */
  static Assessment assess(HookRequest request) {
    return ServiceParts.triage(CLOCK).assess(snapshot(request));
  }

  /**
   * {@link #assess}, the hook call's way (the tree a hook call reads, chosen and built lean), checked equal to what
   * reading every resource whole with HAPI's parser gives: a reading rule holds on both paths.
   */
  static Assessment assessBothWays(HookRequest request) {
    PatientDataRequest whole = new PatientDataRequest(HookRequest.PATIENT_ID,
        Map.of("context.patientId", HookRequest.PATIENT_ID), HookRequest.prefetchOf(request.json()), Optional.empty());
    Assessment everyResource = ServiceParts.triage(CLOCK)
        .assess(reader(NO_SERVER).explain(DEFINITION.prefetch(), whole, ReadingReport.NONE));
    Assessment hookCall = assess(request);
    assertThat(hookCall).as("the hook call's reading against every resource read whole").isEqualTo(everyResource);
    return hookCall;
  }
}
