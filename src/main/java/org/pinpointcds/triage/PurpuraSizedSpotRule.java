package org.pinpointcds.triage;

import java.util.List;
import java.util.Optional;

/**
 * A non-blanching spot of purpura size, or a finding coded as purpura.
 *
 * <p>Source: size definitions (petechiae below 2 mm, purpura 2 to 10 mm; AFP 2001); Nielsen 2001 (any lesion
 * above 2 mm). Inputs: max-diameter components and finding codes. Threshold: at or above 2 mm
 * (configurable; some algorithms use 3 mm).
 */
final class PurpuraSizedSpotRule implements Rule {

  @Override
  public ReasonKind kind() {
    return ReasonKind.PURPURA_SIZED_SPOT;
  }

  @Override
  public String statement(TriageContext context) {
    return "Purpura: non-blanching spots of %s mm or more"
        .formatted(Evidence.number(context.settings().purpuraDiameterMm()));
  }

  @Override
  public List<String> evidence(TriageContext context) {
    double threshold = context.settings().purpuraDiameterMm();
    return context.recentFindings().stream()
        .flatMap(f -> describe(f, threshold).map(what -> Evidence.of(what, f.reference(), f.observedAt())).stream())
        .toList();
  }

  private static Optional<String> describe(SkinFinding finding, double threshold) {
    Optional<Double> diameter = finding.components().maxDiameterMm().filter(mm -> mm >= threshold);
    if (diameter.isPresent()) {
      return Optional.of("largest spot " + Evidence.number(diameter.get()) + " mm");
    }
    return finding.kind() == FindingKind.PURPURA ? Optional.of("recorded as " + finding.name()) : Optional.empty();
  }
}
