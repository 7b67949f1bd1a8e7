package org.pinpointcds.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
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
import org.pinpointcds.triage.Threshold;
import org.pinpointcds.triage.TriageSettings;

/**
 * Turns a service definition into the settings of each layer. A threshold or look-back is, first found
 * first: the Spring property {@code pinpoint.triage.<name>} (for example {@code pinpoint.triage.fever-celsius=38.3}
 * or {@code pinpoint.triage.medication-lookback.antiplatelets=P7D}), the site's thresholds file
 * ({@code pinpoint.triage.extra-path}, see {@link SiteThresholds}), or the service definition's value.
 */
public final class ServiceSettings {

  private static final String MEDICATION_LOOKBACK = "medication-lookback.";
  private static final String OUTCOME_SYSTEM = Terminology.codeSystemUrl("triage-outcome");
  private static final String OVERRIDE_SYSTEM = Terminology.codeSystemUrl("override-reason");

  private final ServiceDefinition definition;
  private final TriageOverrides overrides;
  private final SiteThresholds site;

  public ServiceSettings(ServiceDefinition definition, TriageOverrides overrides) {
    this.definition = definition;
    this.overrides = overrides;
    this.site = overrides.siteFile().map(path -> SiteThresholds.load(Path.of(path), definition))
        .orElseGet(SiteThresholds::none);
  }

  /** Every threshold and look-back with the value in force and where it comes from, sorted by name. */
  public List<ActiveSetting> active() {
    List<ActiveSetting> active = new ArrayList<>();
    definition.thresholds().keySet().forEach(name -> active.add(resolve(definition.thresholds(), name, name)));
    for (DrugClass drugClass : DrugClass.triaged()) {
      active.add(resolve(definition.medicationLookbacks(), MEDICATION_LOOKBACK + drugClass.code(), drugClass.code()));
    }
    active.sort(Comparator.comparing(ActiveSetting::name));
    return active;
  }

  /**
   * The triage's settings. Stops start-up naming the file when a threshold it holds is not a {@link Threshold}, or
   * when a threshold that a row applies has no value.
   */
  public TriageSettings triage() {
    definition.requireThresholdsNamedBy(Threshold.class, "the triage");
    Arrays.stream(ReasonKind.values()).flatMap(kind -> kind.thresholds().stream()).forEach(this::threshold);
    overrides.values().keySet().stream()
        .filter(name -> !overridable(name))
        .findFirst()
        .ifPresent(name -> {
          throw new IllegalStateException(TriageOverrides.PREFIX + name + " names no threshold or look-back of "
              + definition.id() + " (see GET /actuator/pinpoint for the names)");
        });
    Map<DrugClass, Duration> lookbacks = new EnumMap<>(DrugClass.class);
    for (DrugClass drugClass : DrugClass.triaged()) {
      lookbacks.put(drugClass, parsed(resolve(definition.medicationLookbacks(),
          MEDICATION_LOOKBACK + drugClass.code(), drugClass.code()), Duration::parse, "an ISO-8601 duration such as P7D"));
    }
    Map<ReasonKind, Guidance> guidance = new EnumMap<>(ReasonKind.class);
    definition.guidance().forEach((code, entry) -> guidance.put(
        Coded.fromCode(ReasonKind.class, code)
            .orElseThrow(() -> new IllegalStateException(definition.id() + ": guidance for unknown reason " + code)),
        new Guidance(entry.label(), entry.url())));
    return new TriageSettings(
        duration(Threshold.FINDING_LOOKBACK),
        number(Threshold.FEVER_CELSIUS),
        duration(Threshold.TEMPERATURE_LOOKBACK),
        duration(Threshold.FEVER_CONDITION_LOOKBACK),
        number(Threshold.CRITICAL_PLATELETS_BELOW),
        number(Threshold.LOW_PLATELETS_BELOW),
        number(Threshold.PURPURA_DIAMETER_MM),
        (int) number(Threshold.CHILD_BELOW_AGE_YEARS),
        duration(Threshold.CBC_ORDER_LOOKBACK),
        parsed(threshold(Threshold.SITE_TIME_ZONE), ZoneId::of, "a time zone such as UTC or Europe/London"),
        lookbacks,
        guidance);
  }

  public ReadingUnits units() {
    ServiceDefinition.Units units = required("units", definition.units());
    return new ReadingUnits(units.plateletFactors(), units.celsius(), units.fahrenheit(), units.kelvin(),
        units.millimetreFactors(),
        new ReadingUnits.Range(number(Threshold.TEMPERATURE_PLAUSIBLE_MIN_CELSIUS), number(Threshold.TEMPERATURE_PLAUSIBLE_MAX_CELSIUS)),
        new ReadingUnits.Range(number(Threshold.TEMPERATURE_INFERRED_MIN_FAHRENHEIT), number(Threshold.TEMPERATURE_INFERRED_MAX_FAHRENHEIT)),
        new ReadingUnits.Range(0, number(Threshold.PLATELETS_PLAUSIBLE_MAX)));
  }

  public CardSettings cards(Terminology terminology) {
    ServiceDefinition.Cards cards = required("cards", definition.cards());
    Map<OrderKind, OrderCode> orders = new EnumMap<>(OrderKind.class);
    for (OrderKind kind : OrderKind.values()) {
      ServiceDefinition.Order order = cards.orders().get(kind.code());
      if (order == null || order.text() == null) {
        throw new IllegalStateException(definition.id() + ": cards.orders has no text for " + kind.code());
      }
      orders.put(kind, new OrderCode(order.system(), order.code(), order.display(), order.text()));
    }
    Map<Outcome, Coding> topics = new EnumMap<>(Outcome.class);
    Map<Outcome, List<Coding>> overrideReasons = new EnumMap<>(Outcome.class);
    for (Outcome outcome : Outcome.values()) {
      String code = outcome.topicCode();
      topics.put(outcome, new Coding(OUTCOME_SYSTEM, code, displayOf(terminology, OUTCOME_SYSTEM, code)));
      List<Coding> reasons = new ArrayList<>();
      cards.overrideReasons().getOrDefault(code, List.of()).forEach(reason ->
          reasons.add(new Coding(OVERRIDE_SYSTEM, reason, displayOf(terminology, OVERRIDE_SYSTEM, reason))));
      overrideReasons.put(outcome, reasons);
    }
    String sourceLabel = cards.sourceLabel() == null ? definition.title() : cards.sourceLabel();
    return new CardSettings(sourceLabel, orders, topics, overrideReasons);
  }

  /** Whether {@code pinpoint.triage.<name>} is a property of this service: its file, a threshold or a look-back. */
  private boolean overridable(String name) {
    if (name.startsWith(MEDICATION_LOOKBACK)) {
      return definition.medicationLookbacks().containsKey(name.substring(MEDICATION_LOOKBACK.length()));
    }
    return name.equals(TriageOverrides.SITE_FILE) || definition.thresholds().containsKey(name);
  }

  private static String displayOf(Terminology terminology, String system, String code) {
    return terminology.display(system, code)
        .orElseThrow(() -> new IllegalStateException("code " + code + " is not in " + system));
  }

  private Duration duration(Threshold threshold) {
    return parsed(threshold(threshold), Duration::parse, "an ISO-8601 duration such as P14D");
  }

  private double number(Threshold threshold) {
    return parsed(threshold(threshold), Double::parseDouble, "a number");
  }

  private ActiveSetting threshold(Threshold threshold) {
    return resolve(definition.thresholds(), threshold.code(), threshold.code());
  }

  private static <T> T parsed(ActiveSetting setting, Function<String, T> parser, String expected) {
    try {
      return parser.apply(setting.value());
    } catch (RuntimeException e) {
      throw new IllegalStateException("threshold " + setting.name() + " = '" + setting.value() + "' (from "
          + setting.origin() + ") is not " + expected);
    }
  }

  /** The Spring override if set, else the site file's value, else the definition's value. */
  private ActiveSetting resolve(Map<String, ServiceDefinition.Setting> settings, String property, String name) {
    Optional<String> override = overrides.value(property);
    if (override.isPresent()) {
      return new ActiveSetting(property, override.get(), "Spring property " + TriageOverrides.PREFIX + property);
    }
    return site.find(property).orElseGet(() -> {
      ServiceDefinition.Setting setting = settings.get(name);
      if (setting == null || setting.value() == null) {
        throw new IllegalStateException(definition.id() + ": no value for " + name);
      }
      return new ActiveSetting(property, setting.value(),
          "cds-services/" + definition.id() + ".json: " + setting.source());
    });
  }

  private <T> T required(String section, T value) {
    if (value == null) {
      throw new IllegalStateException("cds-services/" + definition.id() + ".json has no '" + section + "'");
    }
    return value;
  }
}
