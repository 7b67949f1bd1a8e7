package org.pinpointcds.ordercheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pinpointcds.ordercheck.Orders.apixabanFor;
import static org.pinpointcds.ordercheck.Orders.check;
import static org.pinpointcds.ordercheck.Orders.outcome;

import java.time.Duration;
import org.pinpointcds.cards.EvidenceText;
import org.junit.jupiter.api.Test;

/** Row avoid-full-dose: the latest count from 20 to below 50 x10^9/L. */
class AvoidFullDoseRuleTests {

  @Test
  void aCountOfTwentyCallsToAvoidFullDose() {
    assertThat(outcome(apixabanFor().platelets(20, Duration.ofHours(3)))).contains(OrderCheckOutcome.AVOID_FULL_DOSE);
  }

  @Test
  void aCountJustBelowFiftyCallsToAvoidFullDose() {
    assertThat(outcome(apixabanFor().platelets(49.9, Duration.ofHours(3))))
        .contains(OrderCheckOutcome.AVOID_FULL_DOSE);
  }

  @Test
  void aCountOfFiftyIsOnlyNoted() {
    assertThat(outcome(apixabanFor().platelets(50, Duration.ofHours(3))))
        .contains(OrderCheckOutcome.LOW_PLATELETS_NOTED);
  }

  @Test
  void theEvidenceGivesTheCountWithItsUnitDateAndSource() {
    OrderAssessment assessment = check(apixabanFor().platelets(35, Duration.ofHours(20)));
    assertThat(assessment.concerns().get(0).reasons().get(0).evidence().stream().map(EvidenceText::of)).containsExactly(
        "platelet count 35 x10^9/L (recorded as 35 10*3/uL) (Observation/plt-0, 2026-11-19 13:00 UTC)");
  }

  @Test
  void theLatestCountDecidesNotTheLowest() {
    assertThat(outcome(apixabanFor().platelets(15, Duration.ofDays(3)).platelets(35, Duration.ofHours(3))))
        .contains(OrderCheckOutcome.AVOID_FULL_DOSE);
  }
}
