package org.pinpointcds.triage;

import java.util.List;

/**
 * Contract section 4, row <code>same-day-cbc</code>, {@link ReasonKind#PLATELETS_UNREADABLE}.
 * The latest platelet count could not be read, so it may be low.
 *
 * <p>Source: Pinpoint contract v2, section 5.3 (data that could hide a red flag never lowers urgency). Inputs: the
 * latest final, amended or corrected platelet result, when its value is in an unknown unit or implausible; a result
 * without a value (a clotted sample) is not a count and leaves the one before it the latest.
 */
final class PlateletsUnreadableRule implements Rule {

  @Override
  public String statement(TriageContext context) {
    return "The latest platelet count could not be read: it may be low";
  }

  @Override
  public List<Evidence> evidence(TriageContext context) {
    return context.unreadableLatestCount()
        .map(gap -> (Evidence) new Evidence.UnreadCount(gap))
        .stream()
        .toList();
  }
}
