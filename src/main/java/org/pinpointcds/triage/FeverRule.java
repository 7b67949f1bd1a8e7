package org.pinpointcds.triage;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Contract section 4, row <code>emergency-evaluation</code>, {@link ReasonKind#FEVER}.
 * Fever with a non-blanching rash: think of meningococcal disease or sepsis.
 *
 * <p>Source: NICE NG240 (2024) symptom table; NICE NG143 red features; Mandl 1997. Inputs: temperatures
 * from the last 24 h, a fever symptom on the finding, a fever Condition from the last 72 h. Threshold:
 * at or above 38.0 °C (configurable). Not covered: antipyretics mask fever, so no fever is not safety.
 */
final class FeverRule implements Rule {

  @Override
  public String statement(TriageContext context) {
    return "Fever with a non-blanching rash (temperature at or above %s °C in the last %d h, or fever reported):"
            .formatted(Formats.number(context.settings().feverCelsius()),
                context.settings().temperatureLookback().toHours())
        + " think of meningococcal disease or sepsis";
  }

  @Override
  public List<Evidence> evidence(TriageContext context) {
    double threshold = context.settings().feverCelsius();
    return Stream.of(
            context.recentTemperatures().stream()
                .filter(t -> t.celsius() >= threshold)
                .map(Evidence.TemperatureReading::new),
            context.symptoms(Set.of(Symptom.FEVER)).stream(),
            context.recentFeverConditions().stream()
                .map(Evidence.Diagnosis::new))
        .<Evidence>flatMap(s -> s)
        .toList();
  }
}
