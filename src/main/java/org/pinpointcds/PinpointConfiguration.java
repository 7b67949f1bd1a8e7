package org.pinpointcds;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.LenientErrorHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import org.pinpointcds.cards.CardRenderer;
import org.pinpointcds.config.FetchProperties;
import org.pinpointcds.config.ServiceCatalog;
import org.pinpointcds.config.ServiceDefinition;
import org.pinpointcds.config.ServiceSettings;
import org.pinpointcds.data.MissingDataFetcher;
import org.pinpointcds.data.PatientDataReader;
import org.pinpointcds.data.PrefetchListener;
import org.pinpointcds.data.FhirServerFetcher;
import org.pinpointcds.data.SnapshotBuilder;
import org.pinpointcds.ops.TimedFetcher;
import org.pinpointcds.protocol.PetechiaeTriageHandler;
import org.pinpointcds.terminology.Terminology;
import org.pinpointcds.terminology.TerminologyLoader;
import org.pinpointcds.triage.Triage;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The composition root: loads service definitions and terminology once at start-up and wires the layers
 * (protocol, data, triage, cards). Nothing here runs per request.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FetchProperties.class)
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
  static Terminology terminology(FhirContext fhirContext) throws IOException {
    TerminologyLoader loader = new TerminologyLoader(fhirContext);
    for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath*:fhir-profiles/**/*.json")) {
      try (InputStream in = file.getInputStream()) {
        loader.add(file.getFilename(), in);
      }
    }
    return loader.build();
  }

  @Bean
  static PetechiaeTriageHandler petechiaeTriageHandler(
      ServiceCatalog catalog, Terminology terminology, FhirContext fhirContext, Clock clock,
      MissingDataFetcher fetcher, PrefetchListener prefetchListener, Environment environment) {
    ServiceDefinition definition = catalog.find(PETECHIAE_TRIAGE)
        .orElseThrow(() -> new IllegalStateException("cds-services/ has no " + PETECHIAE_TRIAGE + " definition"));
    ServiceSettings settings = new ServiceSettings(definition, environment);
    return new PetechiaeTriageHandler(
        definition,
        new PatientDataReader(
            fhirContext, new SnapshotBuilder(terminology, settings.units()), fetcher, prefetchListener),
        new Triage(settings.triage(), clock),
        new CardRenderer(settings.cards(terminology), fhirContext));
  }

  @Bean
  static MissingDataFetcher missingDataFetcher(
      FhirContext fhirContext, FetchProperties properties, MeterRegistry meters) {
    return new TimedFetcher(new FhirServerFetcher(fhirContext, properties.settings()), meters);
  }
}
