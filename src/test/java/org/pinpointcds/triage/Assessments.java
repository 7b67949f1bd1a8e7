package org.pinpointcds.triage;

import org.pinpointcds.cards.EvidenceText;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reading an assessment the way a card reader would: what is most urgent, which reasons fired, what is ordered. */
public final class Assessments {

  private Assessments() {}

  public static Optional<Outcome> mostUrgent(Assessment assessment) {
    return assessment.concerns().stream().map(Concern::outcome).reduce(Outcome::mostUrgent);
  }

  /** Urgency as a rank: 0 for an emergency, rising as outcomes get less urgent; no card ranks last. */
  public static int urgencyRank(Assessment assessment) {
    return mostUrgent(assessment).map(Enum::ordinal).orElse(Outcome.values().length);
  }

  static Set<ReasonKind> reasons(Assessment assessment) {
    Set<ReasonKind> kinds = EnumSet.noneOf(ReasonKind.class);
    assessment.concerns().forEach(c -> c.reasons().forEach(r -> kinds.add(r.kind())));
    return kinds;
  }

  static List<Outcome> outcomes(Assessment assessment) {
    return assessment.concerns().stream().map(Concern::outcome).toList();
  }

  static Concern only(Assessment assessment) {
    if (assessment.concerns().size() != 1) {
      throw new AssertionError("expected exactly one concern, got " + outcomes(assessment));
    }
    return assessment.concerns().get(0);
  }

  /** All evidence lines of a concern's reasons as a card words them, joined for text assertions. */
  static String evidence(Concern concern) {
    return String.join("\n", concern.reasons().stream().flatMap(r -> r.evidence().stream()).map(EvidenceText::of).toList());
  }
}
