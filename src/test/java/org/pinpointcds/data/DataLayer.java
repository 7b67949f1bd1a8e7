package org.pinpointcds.data;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.LenientErrorHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.pinpointcds.config.ServiceCatalog;
import org.pinpointcds.config.ServiceDefinition;
import org.pinpointcds.config.ServiceSettings;
import org.pinpointcds.terminology.Terminology;
import org.pinpointcds.terminology.TerminologyLoader;
import org.pinpointcds.testing.HookRequest;
import org.pinpointcds.triage.Assessment;
import org.pinpointcds.triage.PatientSnapshot;
import org.pinpointcds.triage.Triage;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The data layer as the service wires it (terminology from {@code fhir-profiles/}, units and thresholds from
 * {@code cds-services/petechiae-triage.json}), at a fixed moment and without a FHIR server.
 */
final class DataLayer {

  static final Instant NOW = Instant.parse("2026-11-20T09:00:00Z");
  static final FhirContext FHIR = fhirContext();
  static final Terminology TERMINOLOGY = terminology();
  static final ServiceDefinition DEFINITION = ServiceCatalog.loadFromClasspath(new ObjectMapper())
      .find("petechiae-triage").orElseThrow();
  static final ServiceSettings SETTINGS = new ServiceSettings(DEFINITION, new StandardEnvironment());
  /** The service's fetcher when it has nothing to fetch with: every key it is asked for is unavailable. */
  static final MissingDataFetcher NO_SERVER = (access, queries) -> {
    throw new AssertionError("no FHIR server in this test, asked for " + queries.keySet());
  };

  private DataLayer() {}

  static Instant ago(Duration duration) {
    return NOW.minus(duration);
  }

  static PatientDataReader reader(MissingDataFetcher fetcher) {
    return new PatientDataReader(FHIR, new SnapshotBuilder(TERMINOLOGY, SETTINGS.units()), fetcher);
  }

  static PatientDataRequest dataRequest(HookRequest request, Optional<FhirAccess> access) {
    return new PatientDataRequest(HookRequest.PATIENT_ID, Map.of("context.patientId", HookRequest.PATIENT_ID),
        request.prefetchMap(), access);
  }

  static PatientSnapshot snapshot(HookRequest request) {
    return reader(NO_SERVER).read(DEFINITION.prefetch(), dataRequest(request, Optional.empty()));
  }

  /** Data layer and triage together, with the service's own settings. */
  static Assessment assess(HookRequest request) {
    return new Triage(SETTINGS.triage(), Clock.fixed(NOW, ZoneOffset.UTC)).assess(snapshot(request));
  }

  private static FhirContext fhirContext() {
    FhirContext context = FhirContext.forR4Cached();
    context.setParserErrorHandler(new LenientErrorHandler(false));
    return context;
  }

  /** Loaded the way {@code PinpointConfiguration} loads it: every JSON file under {@code fhir-profiles/}. */
  private static Terminology terminology() {
    TerminologyLoader loader = new TerminologyLoader(FHIR);
    try {
      for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath*:fhir-profiles/**/*.json")) {
        try (InputStream in = file.getInputStream()) {
          loader.add(file.getFilename(), in);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return loader.build();
  }
}
