package org.pinpointcds.triage;

import java.util.List;
import java.util.Optional;

/**
 * Contract section 4, row <code>same-day-cbc</code>, {@link ReasonKind#PURPURA_SIZED_SPOT}.
 * A non-blanching spot of purpura size, or a finding coded as purpura.
 *
 * <p>Source: size definitions (petechiae below 2 mm, purpura 2 to 10 mm; AFP 2001); Nielsen 2001 (any lesion
 * above 2 mm). Inputs: max-diameter components and finding codes. Threshold: at or above 2 mm
 * (configurable; some algorithms use 3 mm).
 */
final class PurpuraSizedSpotRule implements Rule {

  @Override
  public String statement(TriageContext context) {
    return "Purpura: non-blanching spots of %s mm or more"
        .formatted(Formats.number(context.settings().purpuraDiameterMm()));
  }

  @Override
  public List<Evidence> evidence(TriageContext context) {
    double threshold = context.settings().purpuraDiameterMm();
    return context.recentFindings().stream()
        .flatMap(f -> purpura(f, threshold).stream())
        .toList();
  }

  private static Optional<Evidence> purpura(SkinFinding finding, double threshold) {
    Optional<Double> diameter = finding.components().maxDiameterMm().filter(mm -> mm >= threshold);
    if (diameter.isPresent()) {
      return Optional.of(new Evidence.SpotSize(finding, diameter.get()));
    }
    return finding.kind() == FindingKind.PURPURA
        ? Optional.of(new Evidence.FindingNote(finding, Evidence.Aspect.RECORDED_AS_PURPURA)) : Optional.empty();
  }
}
