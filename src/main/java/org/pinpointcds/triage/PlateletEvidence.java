package org.pinpointcds.triage;

/** How a platelet count reads on a card: normalised value first, then as recorded. */
public final class PlateletEvidence {

  private PlateletEvidence() {}

  public static String of(PlateletCount count) {
    String what = "platelet count " + count.bound().symbol() + Evidence.number(count.perNanolitre()) + " x10^9/L";
    if (!count.asRecorded().isBlank()) {
      what += " (recorded as " + count.asRecorded() + ")";
    }
    if (count.bound() != PlateletCount.Bound.EXACT) {
      what += ", reported as " + count.bound().symbol() + Evidence.number(count.perNanolitre())
          + " x10^9/L: read as the most urgent band that range allows";
    }
    return Evidence.of(what, count.reference(), count.takenAt());
  }
}
