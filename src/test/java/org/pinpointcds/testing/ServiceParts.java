package org.pinpointcds.testing;

import org.pinpointcds.config.TriageOverrides;
import org.pinpointcds.cards.OrderCheckCardRenderer;
import org.pinpointcds.config.OrderCheckSettingsReader;
import org.pinpointcds.ordercheck.OrderCheck;
import org.pinpointcds.protocol.OrderCheckHandler;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.LenientErrorHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.time.Clock;
import org.pinpointcds.cards.CardRenderer;
import org.pinpointcds.config.ServiceCatalog;
import org.pinpointcds.config.ServiceDefinition;
import org.pinpointcds.config.ServiceSettings;
import org.pinpointcds.config.TerminologyFiles;
import org.pinpointcds.data.PrefetchListener;
import org.pinpointcds.data.MissingDataFetcher;
import org.pinpointcds.data.PatientDataReader;
import org.pinpointcds.protocol.PetechiaeTriageHandler;
import org.pinpointcds.terminology.Terminology;
import org.pinpointcds.triage.Triage;

/**
 * The service's parts as {@code PinpointConfiguration} wires them (terminology from {@code fhir-profiles/}, units,
 * thresholds and cards from {@code cds-services/petechiae-triage.json}), without Spring: for tests and benchmarks
 * that call the layers directly.
 */
public final class ServiceParts {

  public static final FhirContext FHIR = fhirContext();
  public static final Terminology TERMINOLOGY = TerminologyFiles.load(FHIR, null);
  public static final ServiceDefinition DEFINITION = ServiceCatalog.loadFromClasspath(new ObjectMapper())
      .find("petechiae-triage").orElseThrow();
  public static final ServiceSettings SETTINGS = new ServiceSettings(DEFINITION, TriageOverrides.none());
  public static final ServiceDefinition ORDER_CHECK = ServiceCatalog.loadFromClasspath(new ObjectMapper())
      .find("antithrombotic-order-check").orElseThrow();
  /** The fetcher when there is no FHIR server: a test that reaches it has a bug. */
  public static final MissingDataFetcher NO_SERVER = (access, queries) -> {
    throw new AssertionError("no FHIR server here, asked for " + queries.keySet());
  };

  private ServiceParts() {}

  public static PatientDataReader reader(MissingDataFetcher fetcher, Clock clock) {
    return new PatientDataReader(FHIR, TERMINOLOGY, SETTINGS.units(), SETTINGS.triage(), fetcher, clock);
  }

  public static Triage triage(Clock clock) {
    return new Triage(SETTINGS.triage(), clock);
  }

  public static CardRenderer renderer() {
    return new CardRenderer(SETTINGS.cards(TERMINOLOGY));
  }

  /** {@code petechiae-triage} reading prefetch only, at the moment {@code clock} gives. */
  public static PetechiaeTriageHandler handler(Clock clock) {
    return new PetechiaeTriageHandler(DEFINITION, reader(NO_SERVER, clock), triage(clock), renderer(),
        PrefetchListener.NONE);
  }

  /** {@code antithrombotic-order-check} reading prefetch only, at the moment {@code clock} gives. */
  public static OrderCheckHandler orderCheckHandler(Clock clock) {
    OrderCheckSettingsReader settings = new OrderCheckSettingsReader(ORDER_CHECK, Map.of());
    return new OrderCheckHandler(ORDER_CHECK, reader(NO_SERVER, clock),
        new OrderCheck(settings.settings(), SETTINGS.triage(), clock),
        new OrderCheckCardRenderer(settings.cards(TERMINOLOGY), SETTINGS.cards(TERMINOLOGY).orders()),
        PrefetchListener.NONE);
  }

  private static FhirContext fhirContext() {
    FhirContext context = FhirContext.forR4Cached();
    context.setParserErrorHandler(new LenientErrorHandler(false));
    return context;
  }
}
