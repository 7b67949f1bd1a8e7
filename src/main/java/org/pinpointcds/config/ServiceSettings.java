package org.pinpointcds.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.ZoneId;
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
 * Turns a service definition into the settings of each layer. A threshold or look-back is, first found
 * first: the Spring property {@code pinpoint.triage.<name>} (for example {@code pinpoint.triage.fever-celsius=38.3}
 * or {@code pinpoint.triage.medication-lookback.antiplatelets=P7D}), the site's thresholds file
 * ({@code pinpoint.triage.extra-path}, see {@link SiteThresholds}), or the service definition's value.
 */
public final class ServiceSettings {

  public static final String OVERRIDE_PREFIX = "pinpoint.triage.";
  /** The site's thresholds file. */
  public static final String SITE_THRESHOLDS = SiteThresholds.PROPERTY;
  private static final String OUTCOME_SYSTEM = Terminology.codeSystemUrl("triage-outcome");
  private static final String OVERRIDE_SYSTEM = Terminology.codeSystemUrl("override-reason");

  private final ServiceDefinition definition;
  private final Environment environment;
  private final SiteThresholds site;

  public ServiceSettings(ServiceDefinition definition, Environment environment) {
    this.definition = definition;
    this.environment = environment;
    String sitePath = environment.getProperty(SiteThresholds.PROPERTY);
    this.site = sitePath == null || sitePath.isBlank()
        ? SiteThresholds.none() : SiteThresholds.load(java.nio.file.Path.of(sitePath.trim()), definition);
  }

  /** Every threshold and look-back with the value in force and where it comes from, sorted by name. */
  public List<ActiveSetting> active() {
    List<ActiveSetting> active = new ArrayList<>();
    definition.thresholds().keySet().forEach(name -> active.add(resolve(definition.thresholds(), name, name)));
    for (DrugClass drugClass : DrugClass.triaged()) {
      active.add(resolve(definition.medicationLookbacks(), "medication-lookback." + drugClass.code(), drugClass.code()));
    }
    active.sort(java.util.Comparator.comparing(ActiveSetting::name));
    return active;
  }

  public TriageSettings triage() {
    Map<DrugClass, Duration> lookbacks = new EnumMap<>(DrugClass.class);
    for (DrugClass drugClass : DrugClass.triaged()) {
      lookbacks.put(drugClass, parsed(resolve(definition.medicationLookbacks(),
          "medication-lookback." + drugClass.code(), drugClass.code()), Duration::parse, "an ISO-8601 duration such as P7D"));
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
        parsed(resolve(definition.thresholds(), "site-time-zone", "site-time-zone"), ZoneId::of,
            "a time zone such as UTC or Europe/London"),
        lookbacks,
        guidance);
  }

  public ReadingUnits units() {
    JsonNode units = definition.units();
    return new ReadingUnits(factors(units.path("plateletFactors")), strings(units.path("celsius")),
        strings(units.path("fahrenheit")), strings(units.path("kelvin")), factors(units.path("millimetreFactors")),
        new ReadingUnits.Range(number("temperature-plausible-min-celsius"), number("temperature-plausible-max-celsius")),
        new ReadingUnits.Range(number("temperature-inferred-min-fahrenheit"), number("temperature-inferred-max-fahrenheit")),
        new ReadingUnits.Range(0, number("platelets-plausible-max")));
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
    return parsed(resolve(definition.thresholds(), name, name), Duration::parse, "an ISO-8601 duration such as P14D");
  }

  private double number(String name) {
    return parsed(resolve(definition.thresholds(), name, name), Double::parseDouble, "a number");
  }

  private static <T> T parsed(ActiveSetting setting, java.util.function.Function<String, T> parser, String expected) {
    try {
      return parser.apply(setting.value());
    } catch (RuntimeException e) {
      throw new IllegalStateException("threshold " + setting.name() + " = '" + setting.value() + "' (from "
          + setting.origin() + ") is not " + expected);
    }
  }

  /** The Spring override if set, else the site file's value, else the definition's value. */
  private ActiveSetting resolve(Map<String, ServiceDefinition.Setting> settings, String property, String name) {
    String override = environment.getProperty(OVERRIDE_PREFIX + property);
    if (override != null) {
      return new ActiveSetting(property, override.trim(), "Spring property " + OVERRIDE_PREFIX + property);
    }
    return site.find(property).orElseGet(() -> {
      ServiceDefinition.Setting setting = settings.get(name);
      if (setting == null || setting.value() == null) {
        throw new IllegalStateException(definition.id() + ": no value for " + name);
      }
      return new ActiveSetting(property, setting.value().asText(),
          "cds-services/" + definition.id() + ".json: " + setting.source());
    });
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
