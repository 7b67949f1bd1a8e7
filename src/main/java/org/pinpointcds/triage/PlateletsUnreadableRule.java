package org.pinpointcds.triage;

import java.util.List;

/**
 * The latest platelet count could not be read, so it may be low.
 *
 * <p>Source: Pinpoint contract v2, section 5.3 (data that could hide a red flag never lowers urgency). Inputs: the
 * latest final, amended or corrected platelet result, when its value is in an unknown unit or implausible; a result
 * without a value (a clotted sample) is not a count and leaves the one before it the latest.
 */
final class PlateletsUnreadableRule implements Rule {

  @Override
  public ReasonKind kind() {
    return ReasonKind.PLATELETS_UNREADABLE;
  }

  @Override
  public String statement(TriageContext context) {
    return "The latest platelet count could not be read: it may be low";
  }

  @Override
  public List<String> evidence(TriageContext context) {
    return context.unreadableLatestCount()
        .map(gap -> Evidence.of(gap.detail(), gap.reference(), gap.dated().orElseThrow()))
        .stream()
        .toList();
  }
}
