package org.pinpointcds.triage;

/**
 * A skin finding Observation that counts (not entered in error or cancelled).
 *
 * @param reference where it came from, e.g. {@code Observation/skin-1}
 * @param name how the record names it, e.g. {@code petechiae}
 * @param observedAt when it was observed
 */
public record SkinFinding(
    String reference, String name, FindingKind kind, When observedAt, FindingComponents components) {

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

  /**
   * A red lesion whose glass test is not recorded and that has no lesion feature (contract 5.4): it may be
   * non-blanching. With a lesion feature it is a single suspicious lesion, for the dermatology rule alone.
   */
  public boolean isUntestedRed() {
    return kind == FindingKind.UNCHARACTERISED && components.blanches().isEmpty()
        && components.lesionFeatures().isEmpty();
  }
}
