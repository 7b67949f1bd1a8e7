package org.pinpointcds.data;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Quantity;

/**
 * The units Pinpoint converts, from the service definition: platelet counts to x10^9/L, temperatures to
 * degrees Celsius, lengths to millimetres; and the ranges a body can have (contract 5.2, 5.3). A unit not listed is
 * not guessed at, except a body temperature's, from its value.
 *
 * @param plateletFactors unit to the factor that gives x10^9/L ({@code /uL} is 0.001)
 * @param plausibleCelsius a body temperature outside it is implausible; one without a usable unit is °C inside it
 * @param inferredFahrenheit a body temperature without a usable unit is °F inside it
 * @param plausiblePlatelets a count (x10^9/L) outside it is implausible: a unit mix-up
 */
public record ReadingUnits(
    Map<String, Double> plateletFactors,
    Set<String> celsius,
    Set<String> fahrenheit,
    Set<String> kelvin,
    Map<String, Double> millimetreFactors,
    Range plausibleCelsius,
    Range inferredFahrenheit,
    Range plausiblePlatelets) {

  private static final BigDecimal KELVIN_AT_ZERO_CELSIUS = new BigDecimal("273.15");

  /** Inclusive bounds. */
  public record Range(double min, double max) {
    public boolean contains(double value) {
      return value >= min && value <= max;
    }
  }

  /** A body temperature in °C; {@code inferred} when its unit was read from its value. */
  record Celsius(double value, boolean inferred) {}

  public ReadingUnits {
    plateletFactors = Map.copyOf(plateletFactors);
    celsius = Set.copyOf(celsius);
    fahrenheit = Set.copyOf(fahrenheit);
    kelvin = Set.copyOf(kelvin);
    millimetreFactors = Map.copyOf(millimetreFactors);
  }

  Optional<Double> plateletsPerNanolitre(Quantity quantity) {
    return scaled(quantity, plateletFactors);
  }

  Optional<Double> millimetres(Quantity quantity) {
    return scaled(quantity, millimetreFactors);
  }

  /**
   * The temperature converted from its unit; without a usable unit, read as °C or °F where its value lies in the
   * range of either; empty otherwise. Plausibility is the caller's to judge.
   */
  Optional<Celsius> bodyTemperature(Quantity quantity) {
    if (!quantity.hasValue()) {
      return Optional.empty();
    }
    BigDecimal value = quantity.getValue();
    Optional<Double> converted = convertedCelsius(quantity, value);
    if (converted.isPresent() || hasKnownUnit(quantity)) {
      return converted.map(c -> new Celsius(c, false));
    }
    double number = value.doubleValue();
    if (plausibleCelsius.contains(number)) {
      return Optional.of(new Celsius(number, true));
    }
    return inferredFahrenheit.contains(number) ? Optional.of(new Celsius(fromFahrenheit(value), true)) : Optional.empty();
  }

  /** Decimal arithmetic, so that 100.4 °F is exactly 38.0 °C at the fever threshold. */
  private Optional<Double> convertedCelsius(Quantity quantity, BigDecimal value) {
    for (String unit : units(quantity)) {
      if (celsius.contains(unit)) {
        return Optional.of(value.doubleValue());
      }
      if (fahrenheit.contains(unit)) {
        return Optional.of(fromFahrenheit(value));
      }
      if (kelvin.contains(unit)) {
        return Optional.of(value.subtract(KELVIN_AT_ZERO_CELSIUS).doubleValue());
      }
    }
    return Optional.empty();
  }

  private boolean hasKnownUnit(Quantity quantity) {
    return units(quantity).stream().anyMatch(u -> celsius.contains(u) || fahrenheit.contains(u) || kelvin.contains(u));
  }

  private static double fromFahrenheit(BigDecimal value) {
    return value.subtract(BigDecimal.valueOf(32)).multiply(BigDecimal.valueOf(5))
        .divide(BigDecimal.valueOf(9), MathContext.DECIMAL64).doubleValue();
  }

  private static Optional<Double> scaled(Quantity quantity, Map<String, Double> factors) {
    if (!quantity.hasValue()) {
      return Optional.empty();
    }
    for (String unit : units(quantity)) {
      Double factor = factors.get(unit);
      if (factor != null) {
        return Optional.of(quantity.getValue().multiply(BigDecimal.valueOf(factor)).doubleValue());
      }
    }
    return Optional.empty();
  }

  /** How a quantity names its unit, for messages: the UCUM code and the display unit, or "none". */
  static String unitOf(Quantity quantity) {
    List<String> units = units(quantity);
    return units.isEmpty() ? "none" : String.join("' / '", new LinkedHashSet<>(units));
  }

  /** The UCUM code first (it is the computable one), then the display unit. */
  private static List<String> units(Quantity quantity) {
    return Stream.of(quantity.getCode(), quantity.getUnit())
        .filter(u -> u != null && !u.isBlank())
        .map(String::trim)
        .toList();
  }
}
