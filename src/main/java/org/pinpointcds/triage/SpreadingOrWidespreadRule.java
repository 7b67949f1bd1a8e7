package org.pinpointcds.triage;

import java.util.List;
import java.util.stream.Stream;

/**
 * Contract section 4, row <code>same-day-cbc</code>, {@link ReasonKind#SPREADING_OR_WIDESPREAD}.
 * Spots that are spreading, widespread or generalised.
 *
 * <p>Source: Nielsen 2001 (generalised spread); NBL algorithm (progressive rash); NICE NG240 secondary
 * signs. Inputs: spreading, extent and distribution components of any recent finding (contract 5.4).
 */
final class SpreadingOrWidespreadRule implements Rule {

  @Override
  public String statement(TriageContext context) {
    return "Spots are spreading or widespread";
  }

  @Override
  public List<Evidence> evidence(TriageContext context) {
    return context.recentFindings().stream()
        .filter(context::spreadingOrWidespread)
        .map(f -> (Evidence) new Evidence.FindingNote(f, Evidence.Aspect.SPREADING_OR_WIDESPREAD, codes(f.components())))
        .toList();
  }

  /** "spreading" (the component's own code) and the extent and distribution codes that make it widespread. */
  private static List<String> codes(FindingComponents c) {
    return Stream.of(
            c.spreading() ? Stream.of("spreading") : Stream.<String>empty(),
            c.extents().stream().filter(e -> e == Extent.WIDESPREAD).map(Coded::code),
            c.distributions().stream().filter(d -> d == Distribution.GENERALIZED).map(Coded::code))
        .flatMap(s -> s)
        .toList();
  }
}
