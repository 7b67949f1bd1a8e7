package org.pinpointcds.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pinpointcds.cards.CardSettings;
import org.pinpointcds.cards.Coding;
import org.pinpointcds.cards.OrderCode;
import org.pinpointcds.data.ReadingUnits;
import org.pinpointcds.terminology.Terminology;
import org.pinpointcds.triage.Coded;
import org.pinpointcds.triage.DrugClass;
import org.pinpointcds.triage.Guidance;
import org.pinpointcds.triage.OrderKind;
import org.pinpointcds.triage.Outcome;
import org.pinpointcds.triage.ReasonKind;
import org.pinpointcds.triage.TriageSettings;
import org.springframework.core.env.Environment;

/**
 * Turns a service definition into the settings of each layer. A threshold or look-back can be overridden
 * by the Spring property {@code pinpoint.triage.<name>} (for example {@code pinpoint.triage.fever-celsius=38.3}
 * or {@code pinpoint.triage.medication-lookback.antiplatelets=P7D}); the file's value is the default.
 */
public final class ServiceSettings {

  public static final String OVERRIDE_PREFIX = "pinpoint.triage.";
  private static final String OUTCOME_SYSTEM = Terminology.codeSystemUrl("triage-outcome");
  private static final String OVERRIDE_SYSTEM = Terminology.codeSystemUrl("override-reason");

  private final ServiceDefinition definition;
  private final Environment environment;

  public ServiceSettings(ServiceDefinition definition, Environment environment) {
    this.definition = definition;
    this.environment = environment;
  }

  public TriageSettings triage() {
    Map<DrugClass, Duration> lookbacks = new EnumMap<>(DrugClass.class);
    for (DrugClass drugClass : DrugClass.values()) {
      lookbacks.put(drugClass, Duration.parse(value(definition.medicationLookbacks(),
          "medication-lookback." + drugClass.code(), drugClass.code())));
    }
    Map<ReasonKind, Guidance> guidance = new EnumMap<>(ReasonKind.class);
    definition.guidance().forEach((code, entry) -> guidance.put(
        Coded.fromCode(ReasonKind.class, code)
            .orElseThrow(() -> new IllegalStateException(definition.id() + ": guidance for unknown reason " + code)),
        new Guidance(entry.label(), entry.url())));
    return new TriageSettings(
        duration("finding-lookback"),
        number("fever-celsius"),
        duration("temperature-lookback"),
        duration("fever-condition-lookback"),
        number("critical-platelets-below"),
        number("low-platelets-below"),
        number("purpura-diameter-mm"),
        (int) number("child-below-age-years"),
        duration("cbc-order-lookback"),
        lookbacks,
        guidance);
  }

  public ReadingUnits units() {
    JsonNode units = definition.units();
    return new ReadingUnits(factors(units.path("plateletFactors")), strings(units.path("celsius")),
        strings(units.path("fahrenheit")), factors(units.path("millimetreFactors")));
  }

  public CardSettings cards(Terminology terminology) {
    JsonNode cards = definition.cards();
    Map<OrderKind, OrderCode> orders = new EnumMap<>(OrderKind.class);
    for (OrderKind kind : OrderKind.values()) {
      JsonNode order = cards.path("orders").path(kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
      if (!order.hasNonNull("text")) {
        throw new IllegalStateException(definition.id() + ": cards.orders has no text for " + kind);
      }
      orders.put(kind, new OrderCode(order.path("system").asText(null), order.path("code").asText(null),
          order.path("display").asText(null), order.get("text").asText()));
    }
    Map<Outcome, Coding> topics = new EnumMap<>(Outcome.class);
    Map<Outcome, List<Coding>> overrideReasons = new EnumMap<>(Outcome.class);
    for (Outcome outcome : Outcome.values()) {
      String code = outcome.topicCode();
      topics.put(outcome, new Coding(OUTCOME_SYSTEM, code, displayOf(terminology, OUTCOME_SYSTEM, code)));
      List<Coding> reasons = new ArrayList<>();
      cards.path("overrideReasons").path(code).forEach(reason ->
          reasons.add(new Coding(OVERRIDE_SYSTEM, reason.asText(), displayOf(terminology, OVERRIDE_SYSTEM, reason.asText()))));
      overrideReasons.put(outcome, reasons);
    }
    return new CardSettings(cards.path("sourceLabel").asText(definition.title()), orders, topics, overrideReasons);
  }

  private static String displayOf(Terminology terminology, String system, String code) {
    return terminology.display(system, code)
        .orElseThrow(() -> new IllegalStateException("code " + code + " is not in " + system));
  }

  private Duration duration(String name) {
    return Duration.parse(value(definition.thresholds(), name, name));
  }

  private double number(String name) {
    return Double.parseDouble(value(definition.thresholds(), name, name));
  }

  /** The Spring override if set, else the definition's value. */
  private String value(Map<String, ServiceDefinition.Setting> settings, String property, String name) {
    String override = environment.getProperty(OVERRIDE_PREFIX + property);
    if (override != null) {
      return override.trim();
    }
    ServiceDefinition.Setting setting = settings.get(name);
    if (setting == null || setting.value() == null) {
      throw new IllegalStateException(definition.id() + ": no value for " + name);
    }
    return setting.value().asText();
  }

  private static Map<String, Double> factors(JsonNode node) {
    Map<String, Double> factors = new HashMap<>();
    node.fields().forEachRemaining(e -> factors.put(e.getKey(), e.getValue().asDouble()));
    return factors;
  }

  private static Set<String> strings(JsonNode node) {
    Set<String> values = new HashSet<>();
    node.forEach(v -> values.add(v.asText()));
    return values;
  }
}
