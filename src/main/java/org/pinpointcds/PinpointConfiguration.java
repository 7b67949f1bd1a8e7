package org.pinpointcds;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.LenientErrorHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.pinpointcds.cards.CardRenderer;
import org.pinpointcds.config.ActiveConfiguration;
import org.pinpointcds.config.PinpointEndpoint;
import org.pinpointcds.config.RequestProperties;
import org.pinpointcds.config.ServiceCatalog;
import org.pinpointcds.config.ServiceDefinition;
import org.pinpointcds.config.ServiceSettings;
import org.pinpointcds.config.TerminologyFiles;
import org.pinpointcds.data.FhirServerFetcher;
import org.pinpointcds.data.MissingDataFetcher;
import org.pinpointcds.data.PatientDataReader;
import org.pinpointcds.data.PrefetchListener;
import org.pinpointcds.diagnostics.PatientDataDiagnostics;
import org.pinpointcds.ops.MetricsProperties;
import org.pinpointcds.ops.TimedFetcher;
import org.pinpointcds.diagnostics.PatientDataDiagnosticsController;
import org.pinpointcds.protocol.PetechiaeTriageHandler;
import org.pinpointcds.security.CorsProperties;
import org.pinpointcds.security.SecurityProperties;
import org.pinpointcds.terminology.Terminology;
import org.pinpointcds.triage.Triage;
import org.pinpointcds.triage.TriageSettings;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The composition root: loads service definitions, settings and terminology (ours and the site's) once at
 * start-up and wires the layers (protocol, data, triage, cards). Nothing here runs per request.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PinpointProperties.class)
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
  static Terminology terminology(FhirContext fhirContext, PinpointProperties properties) {
    return TerminologyFiles.load(fhirContext, properties.terminology().extraPath());
  }

  @Bean
  static ServiceDefinition petechiaeTriageDefinition(ServiceCatalog catalog) {
    return catalog.find(PETECHIAE_TRIAGE)
        .orElseThrow(() -> new IllegalStateException("cds-services/ has no " + PETECHIAE_TRIAGE + " definition"));
  }

  @Bean
  static ServiceSettings serviceSettings(ServiceDefinition definition, PinpointProperties properties) {
    return new ServiceSettings(definition, properties.triageOverrides());
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
      ServiceDefinition definition, ServiceSettings settings, Terminology terminology, PinpointProperties properties) {
    ActiveConfiguration active = new ActiveConfiguration(
        definition.id(),
        settings.active(),
        terminology.valueSetSources(),
        terminology.conceptMaps(),
        properties.terminology().extraPath(),
        properties.triageOverrides().siteFile().orElse(null),
        properties.diagnostics().enabled());
    return new PinpointEndpoint(active);
  }

  @Bean
  static MissingDataFetcher missingDataFetcher(
      FhirContext fhirContext, PinpointProperties properties, MeterRegistry meters) {
    return new TimedFetcher(new FhirServerFetcher(fhirContext, properties.fetch().settings()), meters);
  }

  /** {@code pinpoint.requests.*}, for the protocol folder's request-body limits. */
  @Bean
  static RequestProperties requestProperties(PinpointProperties properties) {
    return properties.requests();
  }

  /** {@code pinpoint.security.*}, for the security folder's beans. */
  @Bean
  static SecurityProperties securityProperties(PinpointProperties properties) {
    return properties.security();
  }

  /** {@code pinpoint.cors.*}, for the security folder's beans. */
  @Bean
  static CorsProperties corsProperties(PinpointProperties properties) {
    return properties.cors();
  }

  /** {@code pinpoint.metrics.*}, for the operations folder's beans. */
  @Bean
  static MetricsProperties metricsProperties(PinpointProperties properties) {
    return properties.metrics();
  }
}
