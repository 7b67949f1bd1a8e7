package org.pinpointcds;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.LenientErrorHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.pinpointcds.cards.CardRenderer;
import org.pinpointcds.config.ActiveConfiguration;
import org.pinpointcds.config.FetchProperties;
import org.pinpointcds.config.RequestProperties;
import org.pinpointcds.config.PinpointEndpoint;
import org.pinpointcds.config.ServiceCatalog;
import org.pinpointcds.config.ServiceDefinition;
import org.pinpointcds.config.ServiceSettings;
import org.pinpointcds.config.TerminologyFiles;
import org.pinpointcds.data.FhirServerFetcher;
import org.pinpointcds.data.MissingDataFetcher;
import org.pinpointcds.data.PatientDataReader;
import org.pinpointcds.data.PrefetchListener;
import org.pinpointcds.diagnostics.PatientDataDiagnostics;
import org.pinpointcds.ops.TimedFetcher;
import org.pinpointcds.protocol.PatientDataDiagnosticsController;
import org.pinpointcds.protocol.PetechiaeTriageHandler;
import org.pinpointcds.terminology.Terminology;
import org.pinpointcds.triage.Triage;
import org.pinpointcds.triage.TriageSettings;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The composition root: loads service definitions, settings and terminology (ours and the site's) once at
 * start-up and wires the layers (protocol, data, triage, cards). Nothing here runs per request.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({FetchProperties.class, RequestProperties.class})
class PinpointConfiguration {

  static final String PETECHIAE_TRIAGE = "petechiae-triage";

  @Bean
  static FhirContext fhirContext() {
    FhirContext context = FhirContext.forR4Cached();
    // Unknown elements and odd values in EHR data are tolerated, and not logged: they may hold clinical data.
    context.setParserErrorHandler(new LenientErrorHandler(false));
    return context;
  }

  @Bean
  static Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  static ServiceCatalog serviceCatalog(ObjectMapper mapper) {
    return ServiceCatalog.loadFromClasspath(mapper);
  }

  @Bean
  static Terminology terminology(FhirContext fhirContext, Environment environment) {
    return TerminologyFiles.load(fhirContext, environment.getProperty(TerminologyFiles.EXTRA_PATH));
  }

  @Bean
  static ServiceDefinition petechiaeTriageDefinition(ServiceCatalog catalog) {
    return catalog.find(PETECHIAE_TRIAGE)
        .orElseThrow(() -> new IllegalStateException("cds-services/ has no " + PETECHIAE_TRIAGE + " definition"));
  }

  @Bean
  static ServiceSettings serviceSettings(ServiceDefinition definition, Environment environment) {
    return new ServiceSettings(definition, environment);
  }

  @Bean
  static TriageSettings triageSettings(ServiceSettings settings) {
    return settings.triage();
  }

  @Bean
  static PatientDataReader patientDataReader(FhirContext fhirContext, Terminology terminology, ServiceSettings settings,
      TriageSettings triageSettings, MissingDataFetcher fetcher, Clock clock, PrefetchListener prefetchListener) {
    return new PatientDataReader(
        fhirContext, terminology, settings.units(), triageSettings, fetcher, clock, prefetchListener);
  }

  @Bean
  static PetechiaeTriageHandler petechiaeTriageHandler(ServiceDefinition definition, ServiceSettings settings,
      TriageSettings triageSettings, PatientDataReader reader, Terminology terminology, Clock clock,
      PrefetchListener prefetchListener) {
    return new PetechiaeTriageHandler(
        definition,
        reader,
        new Triage(triageSettings, clock),
        new CardRenderer(settings.cards(terminology)),
        prefetchListener);
  }

  @Bean
  @ConditionalOnProperty(name = PatientDataDiagnosticsController.ENABLED, havingValue = "true", matchIfMissing = true)
  static PatientDataDiagnostics patientDataDiagnostics(
      ServiceDefinition definition, TriageSettings triageSettings, PatientDataReader reader) {
    return new PatientDataDiagnostics(reader, definition.prefetch(), triageSettings);
  }

  @Bean
  static PinpointEndpoint pinpointEndpoint(
      ServiceDefinition definition, ServiceSettings settings, Terminology terminology, Environment environment) {
    ActiveConfiguration active = new ActiveConfiguration(
        definition.id(),
        settings.active(),
        terminology.valueSetSources(),
        terminology.conceptMaps(),
        environment.getProperty(TerminologyFiles.EXTRA_PATH),
        environment.getProperty(ServiceSettings.SITE_THRESHOLDS),
        environment.getProperty(PatientDataDiagnosticsController.ENABLED, Boolean.class, true));
    return new PinpointEndpoint(active);
  }

  @Bean
  static MissingDataFetcher missingDataFetcher(
      FhirContext fhirContext, FetchProperties properties, MeterRegistry meters) {
    return new TimedFetcher(new FhirServerFetcher(fhirContext, properties.settings()), meters);
  }
}
