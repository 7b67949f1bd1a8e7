package org.pinpointcds.triage;

/** How a platelet count reads on a card: normalised value first, then as recorded. */
final class PlateletEvidence {

  private PlateletEvidence() {}

  static String of(PlateletCount count) {
    String what = "platelet count " + Evidence.number(count.perNanolitre()) + " x10^9/L";
    if (!count.asRecorded().isBlank()) {
      what += " (recorded as " + count.asRecorded() + ")";
    }
    return Evidence.of(what, count.reference(), count.takenAt());
  }
}
