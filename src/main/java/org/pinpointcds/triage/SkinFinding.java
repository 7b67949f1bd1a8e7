package org.pinpointcds.triage;

import java.time.Instant;

/**
 * A skin finding Observation that counts (not entered in error or cancelled).
 *
 * @param reference where it came from, e.g. {@code Observation/skin-1}
 * @param name how the record names it, e.g. {@code petechiae}
 * @param observedAt when it was observed
 */
public record SkinFinding(
    String reference, String name, FindingKind kind, Instant observedAt, FindingComponents components) {

  /** Code petechiae, purpura or non-blanching rash, or a glass test that did not blanch. */
  public boolean isNonBlanching() {
    return kind == FindingKind.PURPURA
        || kind == FindingKind.NON_BLANCHING
        || !components.blanches().orElse(true);
  }

  /** A lesion that fades under pressure and is not also recorded as non-blanching. */
  public boolean isBlanching() {
    return !isNonBlanching()
        && (kind == FindingKind.BLANCHING || components.blanches().orElse(false));
  }
}
