package org.pinpointcds;

import java.time.Clock;
import org.pinpointcds.cards.OrderCheckCardRenderer;
import org.pinpointcds.config.OrderCheckSettingsReader;
import org.pinpointcds.config.ServiceCatalog;
import org.pinpointcds.config.ServiceDefinition;
import org.pinpointcds.config.ServiceSettings;
import org.pinpointcds.data.PatientDataReader;
import org.pinpointcds.data.PrefetchListener;
import org.pinpointcds.ordercheck.OrderCheck;
import org.pinpointcds.protocol.OrderCheckHandler;
import org.pinpointcds.terminology.Terminology;
import org.pinpointcds.triage.TriageSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The order-time check (contract 6), a second service of the application: its order-sign and order-select entries
 * share the triage's data reader, terminology, findings and red flags; only its thresholds and cards are its own.
 */
@Configuration(proxyBeanMethods = false)
class OrderCheckConfiguration {

  static final String ORDER_CHECK = "antithrombotic-order-check";
  static final String ORDER_CHECK_SELECT = "antithrombotic-order-check-select";

  @Bean
  static OrderCheckSettingsReader orderCheckSettings(ServiceCatalog catalog, PinpointProperties properties) {
    return new OrderCheckSettingsReader(definition(catalog, ORDER_CHECK), properties.orderCheckOverrides());
  }

  @Bean
  static OrderCheck orderCheck(OrderCheckSettingsReader settings, TriageSettings triageSettings, Clock clock) {
    return new OrderCheck(settings.settings(), triageSettings, clock);
  }

  /** The suggested CBC and INR are coded as the triage's. */
  @Bean
  static OrderCheckCardRenderer orderCheckCardRenderer(OrderCheckSettingsReader settings, Terminology terminology,
      ServiceSettings triageSettings) {
    return new OrderCheckCardRenderer(settings.cards(terminology), triageSettings.cards(terminology).orders());
  }

  @Bean
  static OrderCheckHandler orderCheckHandler(ServiceCatalog catalog, PatientDataReader reader, OrderCheck check,
      OrderCheckCardRenderer renderer, PrefetchListener prefetchListener) {
    return new OrderCheckHandler(definition(catalog, ORDER_CHECK), reader, check, renderer, prefetchListener);
  }

  /** order-select: the same check and cards, for the selected orders. */
  @Bean
  static OrderCheckHandler orderCheckSelectHandler(ServiceCatalog catalog, PatientDataReader reader,
      OrderCheck check, OrderCheckCardRenderer renderer, PrefetchListener prefetchListener) {
    return new OrderCheckHandler(definition(catalog, ORDER_CHECK_SELECT), reader, check, renderer, prefetchListener);
  }

  private static ServiceDefinition definition(ServiceCatalog catalog, String id) {
    return catalog.find(id).orElseThrow(() -> new IllegalStateException("cds-services/ has no " + id + " definition"));
  }
}
