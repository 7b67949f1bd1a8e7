package org.pinpointcds.triage;

import java.util.List;

/**
 * Contract section 4, row <code>dermatology-referral (info)</code>, {@link ReasonKind#BLANCHING_LESION}.
 * A blanching lesion (cherry angioma, telangiectasia, or a positive glass test): benign, referred routinely
 * only for bleeding or cosmetic concern.
 *
 * <p>Source: fpnotebook Purpura; NHS pages on cherry angioma. Inputs: recent findings that blanch. The
 * triage offers it only when there is no non-blanching finding.
 */
final class BlanchingLesionRule implements Rule {

  @Override
  public String statement(TriageContext context) {
    return "Blanching lesion: benign; routine dermatology referral if it bleeds or for cosmetic concern";
  }

  @Override
  public List<Evidence> evidence(TriageContext context) {
    return context.recentFindings().stream()
        .filter(SkinFinding::isBlanching)
        .map(f -> (Evidence) new Evidence.FindingNote(f, Evidence.Aspect.BLANCHES))
        .toList();
  }
}
