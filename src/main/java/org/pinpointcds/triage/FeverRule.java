package org.pinpointcds.triage;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Fever with a non-blanching rash: think of meningococcal disease or sepsis.
 *
 * <p>Source: NICE NG240 (2024) symptom table; NICE NG143 red features; Mandl 1997. Inputs: temperatures
 * from the last 24 h, a fever symptom on the finding, a fever Condition from the last 72 h. Threshold:
 * at or above 38.0 °C (configurable). Not covered: antipyretics mask fever, so no fever is not safety.
 */
final class FeverRule implements Rule {

  @Override
  public ReasonKind kind() {
    return ReasonKind.FEVER;
  }

  @Override
  public String statement(TriageContext context) {
    return "Fever with a non-blanching rash (temperature at or above %s °C in the last %d h, or fever reported):"
            .formatted(Evidence.number(context.settings().feverCelsius()),
                context.settings().temperatureLookback().toHours())
        + " think of meningococcal disease or sepsis";
  }

  @Override
  public List<String> evidence(TriageContext context) {
    double threshold = context.settings().feverCelsius();
    return Stream.of(
            context.recentTemperatures().stream()
                .filter(t -> t.celsius() >= threshold)
                .map(t -> Evidence.of("temperature " + Evidence.number(t.celsius()) + " °C"
                    + (t.unitInferred() ? " (recorded without a unit: the unit was inferred from the value)" : ""),
                    t.reference(), t.measuredAt())),
            context.symptoms(Set.of(Symptom.FEVER)).stream(),
            context.recentFeverConditions().stream()
                .map(c -> Evidence.of("diagnosis " + c.name(), c.reference(), c.dated().orElseThrow())))
        .flatMap(s -> s)
        .toList();
  }
}
