package org.pinpointcds.triage;

import java.util.List;

/**
 * Contract section 4, row <code>dermatology-referral (warning)</code>, {@link ReasonKind#SUSPICIOUS_LESION}.
 * A lesion with features that raise skin-cancer concern, blanching or not.
 *
 * <p>Source: NICE NG12 suspected cancer recognition and referral (skin); triage source article. Inputs:
 * lesion-feature components of any recent finding.
 */
final class SuspiciousLesionRule implements Rule {

  @Override
  public String statement(TriageContext context) {
    return "Lesion with features of concern for skin cancer: expedited dermatology assessment and biopsy";
  }

  @Override
  public List<Evidence> evidence(TriageContext context) {
    return context.recentFindings().stream()
        .flatMap(f -> f.components().lesionFeatures().stream()
            .map(feature -> (Evidence) new Evidence.FindingNote(f, Evidence.Aspect.LESION_FEATURE, List.of(feature.code()))))
        .toList();
  }
}
