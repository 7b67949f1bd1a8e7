package org.pinpointcds.diagnostics;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import org.pinpointcds.protocol.ProtocolException;
import org.pinpointcds.testing.FuzzedCalls;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.pinpointcds.data.InvalidPrefetchException;
import org.pinpointcds.diagnostics.PatientDataDiagnostics;
import org.pinpointcds.testing.ServiceParts;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * Bodies of {@code POST /diagnostics/patient-data} (a hook call, or FHIR data), mutated by Jazzer from the inputs
 * folder beside this class, through the controller, the data layer's explanation and the triage to the report's
 * JSON: answered, or refused with a 400 whose message holds no stack trace, within
 * {@link FuzzedCalls#PATIENCE_SECONDS}. Run as {@link HookCallFuzzTests} is; a longer run:
 * {@code JAZZER_FUZZ=1 mvn test -Dtest=DiagnosticsFuzzTests -Djazzer.max_duration=10m -Djazzer.max_executions=0}.
 */
class DiagnosticsFuzzTests {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T09:00:00Z"), ZoneOffset.UTC);
  private static final ObjectMapper MAPPER = Jackson2ObjectMapperBuilder.json().build();
  private static final PatientDataDiagnosticsController DIAGNOSTICS = new PatientDataDiagnosticsController(
      new PatientDataDiagnostics(ServiceParts.reader(ServiceParts.NO_SERVER, CLOCK),
          ServiceParts.DEFINITION.prefetch(), ServiceParts.SETTINGS.triage()),
      MAPPER, ServiceParts.FHIR, CLOCK);

  static {
    // The first diagnosis loads (and Jazzer instruments) HAPI's model classes, seconds on a busy machine: done once
    // here, untimed, so that the patience measures calls rather than class loading.
    try (var seed = DiagnosticsFuzzTests.class.getResourceAsStream(
        "DiagnosticsFuzzTestsInputs/diagnosticsNeverFailUnexpectedly/fhir-bundle-one-of-each.json")) {
      DIAGNOSTICS.diagnose(seed.readAllBytes(), Optional.of("p1"), Optional.empty());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @DictionaryFile(resourcePath = FuzzedCalls.NUMBERS_DICTIONARY)
  @FuzzTest(maxDuration = "30s", maxExecutions = 50_000)
  void diagnosticsNeverFailUnexpectedly(byte[] body) throws Exception {
    FuzzedCalls.answeredOrRefused(
        () -> MAPPER.writeValueAsBytes(DIAGNOSTICS.diagnose(body, Optional.of("p1"), Optional.empty())),
        List.of(ProtocolException.class, InvalidPrefetchException.class));
  }
}
