package org.pinpointcds.triage;

import java.util.List;

/**
 * A lesion with features that raise skin-cancer concern, blanching or not.
 *
 * <p>Source: NICE NG12 suspected cancer recognition and referral (skin); triage source article. Inputs:
 * lesion-feature components of any recent finding.
 */
final class SuspiciousLesionRule implements Rule {

  @Override
  public ReasonKind kind() {
    return ReasonKind.SUSPICIOUS_LESION;
  }

  @Override
  public String statement(TriageContext context) {
    return "Lesion with features of concern for skin cancer: expedited dermatology assessment and biopsy";
  }

  @Override
  public List<String> evidence(TriageContext context) {
    return context.recentFindings().stream()
        .flatMap(f -> f.components().lesionFeatures().stream()
            .map(feature -> Evidence.of(f.name() + ": " + Evidence.label(feature), f.reference(), f.observedAt())))
        .toList();
  }
}
