package org.pinpointcds.ordercheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pinpointcds.ordercheck.Orders.apixabanFor;
import static org.pinpointcds.ordercheck.Orders.check;
import static org.pinpointcds.ordercheck.Orders.outcome;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.pinpointcds.triage.PlateletCount;

/** Row low-platelets-noted: the latest count from 50 to below 150 x10^9/L; information only. */
class LowPlateletsNotedRuleTests {

  @Test
  void aCountJustBelow150IsNoted() {
    assertThat(outcome(apixabanFor().platelets(149.9, Duration.ofHours(3))))
        .contains(OrderCheckOutcome.LOW_PLATELETS_NOTED);
  }

  @Test
  void aCountOf150MakesNoCard() {
    assertThat(outcome(apixabanFor().platelets(150, Duration.ofHours(3)))).isEmpty();
  }

  @Test
  void aCountReportedAsAboveALowBoundIsReadAtItsBound() {
    assertThat(outcome(apixabanFor().platelets(PlateletCount.Bound.AT_LEAST, 100, Duration.ofHours(3))))
        .contains(OrderCheckOutcome.LOW_PLATELETS_NOTED);
  }

  @Test
  void aNotedCountSuggestsNothingAndOffersNoRemoval() {
    OrderConcern concern = check(apixabanFor().platelets(120, Duration.ofHours(3))).concerns().get(0);
    assertThat(concern.orders()).isEmpty();
    assertThat(concern.suggestsRemoval()).isFalse();
  }
}
