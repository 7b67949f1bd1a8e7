package org.pinpointcds.triage;

import java.time.Instant;
import java.util.List;

/**
 * Contract section 4, row <code>check-blanching</code>, {@link ReasonKind#BLANCHING_NOT_RECORDED}.
 * Red spots whose glass test is not recorded: they may be non-blanching, so test them.
 *
 * <p>Source: NICE NG240 (the glass test); Pinpoint contract v2, sections 4 and 5.4. Inputs: recent red lesions
 * without a {@code blanches} component or a lesion feature, not older than the latest non-blanching finding (an
 * older one was most likely the same spots before their glass test). The
 * emergency and same-day rules judge these findings as non-blanching ones; this rule stands where "no mechanical
 * cause documented" would, and any emergency or same-day reason outranks it.
 */
final class BlanchingNotRecordedRule implements Rule {

  @Override
  public String statement(TriageContext context) {
    return "Red spots with no glass test recorded: if they do not fade under pressure and have no clear mechanical"
        + " cause, they need a same-day CBC";
  }

  @Override
  public List<Evidence> evidence(TriageContext context) {
    Instant latestTested = context.nonBlanchingFindings().stream().findFirst()
        .map(f -> f.observedAt().first()).orElse(Instant.MIN);
    return context.untestedFindings().stream()
        .filter(f -> !f.observedAt().first().isBefore(latestTested))
        .map(f -> (Evidence) new Evidence.FindingNote(f, Evidence.Aspect.BLANCHING_NOT_RECORDED))
        .toList();
  }
}
