package org.pinpointcds.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.pinpointcds.cards.Coding;
import org.pinpointcds.cards.OrderCheckCardSettings;
import org.pinpointcds.ordercheck.OrderCheckOutcome;
import org.pinpointcds.ordercheck.OrderCheckSettings;
import org.pinpointcds.ordercheck.OrderThreshold;
import org.pinpointcds.terminology.Terminology;
import org.pinpointcds.triage.Coded;
import org.pinpointcds.triage.Guidance;

/**
 * Turns the {@code antithrombotic-order-check} definition into the order check's settings. A threshold is the Spring
 * property {@code pinpoint.order-check.<name>} when set (for example {@code pinpoint.order-check.full-dose-platelets-below=30}),
 * else the definition's value; the site thresholds file is the triage's ({@link ServiceSettings}).
 */
public final class OrderCheckSettingsReader {

  public static final String OVERRIDE_PREFIX = "pinpoint.order-check.";
  private static final String OUTCOME_SYSTEM = Terminology.codeSystemUrl("order-check-outcome");
  private static final String OVERRIDE_SYSTEM = Terminology.codeSystemUrl("override-reason");

  private final ServiceDefinition definition;
  private final Map<String, String> overrides;

  /** @param overrides {@code pinpoint.order-check.*} by the name after the prefix */
  public OrderCheckSettingsReader(ServiceDefinition definition, Map<String, String> overrides) {
    this.definition = definition;
    this.overrides = Map.copyOf(overrides);
    definition.requireThresholdsNamedBy(OrderThreshold.class, "the order check");
    overrides.keySet().stream().filter(name -> !definition.thresholds().containsKey(name)).findFirst()
        .ifPresent(name -> {
          throw new IllegalStateException(OVERRIDE_PREFIX + name + " names no threshold of " + definition.id());
        });
  }

  public OrderCheckSettings settings() {
    Map<OrderCheckOutcome, Guidance> guidance = new EnumMap<>(OrderCheckOutcome.class);
    definition.guidance().forEach((code, entry) -> guidance.put(outcome(code), new Guidance(entry.label(), entry.url())));
    return new OrderCheckSettings(
        threshold(OrderThreshold.HIGH_RISK_PLATELETS_BELOW, Double::parseDouble, "a number"),
        threshold(OrderThreshold.FULL_DOSE_PLATELETS_BELOW, Double::parseDouble, "a number"),
        threshold(OrderThreshold.LOW_PLATELETS_BELOW, Double::parseDouble, "a number"),
        threshold(OrderThreshold.PLATELET_COUNT_LOOKBACK, Duration::parse, "an ISO-8601 duration such as P7D"),
        guidance);
  }

  /** Every threshold with the value in force and where it comes from, sorted by name. */
  public List<ActiveSetting> active() {
    return definition.thresholds().keySet().stream().sorted().map(this::resolve).toList();
  }

  public OrderCheckCardSettings cards(Terminology terminology) {
    Map<OrderCheckOutcome, Coding> topics = new EnumMap<>(OrderCheckOutcome.class);
    Map<OrderCheckOutcome, List<Coding>> overrideReasons = new EnumMap<>(OrderCheckOutcome.class);
    for (OrderCheckOutcome outcome : OrderCheckOutcome.values()) {
      topics.put(outcome, coding(terminology, OUTCOME_SYSTEM, outcome.code()));
      List<Coding> reasons = new ArrayList<>();
      definition.cards().overrideReasons().getOrDefault(outcome.code(), List.of())
          .forEach(reason -> reasons.add(coding(terminology, OVERRIDE_SYSTEM, reason)));
      overrideReasons.put(outcome, reasons);
    }
    String sourceLabel = definition.cards().sourceLabel() == null ? definition.title() : definition.cards().sourceLabel();
    return new OrderCheckCardSettings(sourceLabel, topics, overrideReasons);
  }

  private OrderCheckOutcome outcome(String code) {
    return Coded.fromCode(OrderCheckOutcome.class, code)
        .orElseThrow(() -> new IllegalStateException(definition.id() + ": guidance for unknown outcome " + code));
  }

  private static Coding coding(Terminology terminology, String system, String code) {
    return new Coding(system, code, terminology.display(system, code)
        .orElseThrow(() -> new IllegalStateException("code " + code + " is not in " + system)));
  }

  private <T> T threshold(OrderThreshold threshold, Function<String, T> parser, String expected) {
    ActiveSetting setting = resolve(threshold.code());
    try {
      return parser.apply(setting.value());
    } catch (RuntimeException e) {
      throw new IllegalStateException("threshold " + threshold.code() + " = '" + setting.value() + "' (from " + setting.origin()
          + ") is not " + expected);
    }
  }

  private ActiveSetting resolve(String name) {
    String override = overrides.get(name);
    if (override != null) {
      return new ActiveSetting(name, override.trim(), "Spring property " + OVERRIDE_PREFIX + name);
    }
    ServiceDefinition.Setting setting = definition.thresholds().get(name);
    if (setting == null || setting.value() == null) {
      throw new IllegalStateException(definition.id() + ": no value for " + name);
    }
    return new ActiveSetting(name, setting.value(),
        "cds-services/" + definition.id() + ".json: " + setting.source());
  }
}
