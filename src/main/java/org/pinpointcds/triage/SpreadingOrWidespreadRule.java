package org.pinpointcds.triage;

import java.util.List;
import java.util.stream.Stream;

/**
 * Spots that are spreading, widespread or generalised.
 *
 * <p>Source: Nielsen 2001 (generalised spread); NBL algorithm (progressive rash); NICE NG240 secondary
 * signs. Inputs: spreading, extent and distribution components of any recent finding (contract 5.4).
 */
final class SpreadingOrWidespreadRule implements Rule {

  @Override
  public ReasonKind kind() {
    return ReasonKind.SPREADING_OR_WIDESPREAD;
  }

  @Override
  public String statement(TriageContext context) {
    return "Spots are spreading or widespread";
  }

  @Override
  public List<String> evidence(TriageContext context) {
    return context.recentFindings().stream()
        .filter(context::spreadingOrWidespread)
        .map(f -> Evidence.of(describe(f.components()), f.reference(), f.observedAt()))
        .toList();
  }

  private static String describe(FindingComponents c) {
    return String.join(", ", Stream.of(
            c.spreading() ? Stream.of("spreading") : Stream.<String>empty(),
            c.extents().stream().filter(e -> e == Extent.WIDESPREAD).map(Evidence::label),
            c.distributions().stream().filter(d -> d == Distribution.GENERALIZED).map(Evidence::label))
        .flatMap(s -> s)
        .toList());
  }
}
