package org.pinpointcds.data;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Quantity;

/**
 * The units Pinpoint converts, from the service definition: platelet counts to x10^9/L, temperatures to
 * degrees Celsius, lengths to millimetres. A unit not listed is not guessed at.
 *
 * @param plateletFactors unit to the factor that gives x10^9/L ({@code /uL} is 0.001)
 */
public record ReadingUnits(
    Map<String, Double> plateletFactors,
    Set<String> celsius,
    Set<String> fahrenheit,
    Map<String, Double> millimetreFactors) {

  public ReadingUnits {
    plateletFactors = Map.copyOf(plateletFactors);
    celsius = Set.copyOf(celsius);
    fahrenheit = Set.copyOf(fahrenheit);
    millimetreFactors = Map.copyOf(millimetreFactors);
  }

  Optional<Double> plateletsPerNanolitre(Quantity quantity) {
    return scaled(quantity, plateletFactors);
  }

  Optional<Double> millimetres(Quantity quantity) {
    return scaled(quantity, millimetreFactors);
  }

  /** Decimal arithmetic, so that 100.4 °F is exactly 38.0 °C at the fever threshold. */
  Optional<Double> celsius(Quantity quantity) {
    if (!quantity.hasValue()) {
      return Optional.empty();
    }
    BigDecimal value = quantity.getValue();
    for (String unit : units(quantity)) {
      if (celsius.contains(unit)) {
        return Optional.of(value.doubleValue());
      }
      if (fahrenheit.contains(unit)) {
        return Optional.of(value.subtract(BigDecimal.valueOf(32)).multiply(BigDecimal.valueOf(5))
            .divide(BigDecimal.valueOf(9), MathContext.DECIMAL64).doubleValue());
      }
    }
    return Optional.empty();
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
    return units.isEmpty() ? "none" : String.join("' / '", new java.util.LinkedHashSet<>(units));
  }

  /** The UCUM code first (it is the computable one), then the display unit. */
  private static List<String> units(Quantity quantity) {
    return java.util.stream.Stream.of(quantity.getCode(), quantity.getUnit())
        .filter(u -> u != null && !u.isBlank())
        .map(String::trim)
        .toList();
  }
}
