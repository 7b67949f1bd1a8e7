package org.pinpointcds.ordercheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pinpointcds.ordercheck.Orders.apixabanFor;
import static org.pinpointcds.ordercheck.Orders.check;
import static org.pinpointcds.ordercheck.Orders.outcome;
import static org.pinpointcds.ordercheck.Orders.rows;

import java.time.Duration;
import org.pinpointcds.cards.EvidenceText;
import org.junit.jupiter.api.Test;
import org.pinpointcds.triage.ConditionKind;
import org.pinpointcds.triage.DataGap;
import org.pinpointcds.triage.Findings;

/** Row check-platelets-first: a recent red finding and no readable platelet count from the last 7 days. */
class CheckPlateletsFirstRuleTests {

  private static final Duration SEVEN_DAYS = Duration.ofDays(7);

  @Test
  void petechiaeWithoutAnyCountCallForACountFirst() {
    assertThat(outcome(apixabanFor().with(Findings.petechiae()))).contains(OrderCheckOutcome.CHECK_PLATELETS_FIRST);
  }

  @Test
  void aNormalCountExactlySevenDaysOldStillCounts() {
    assertThat(outcome(apixabanFor().with(Findings.petechiae()).platelets(240, SEVEN_DAYS))).isEmpty();
  }

  @Test
  void aNormalCountJustOlderThanSevenDaysDoesNot() {
    assertThat(outcome(apixabanFor().with(Findings.petechiae()).platelets(240, SEVEN_DAYS.plusMinutes(1))))
        .contains(OrderCheckOutcome.CHECK_PLATELETS_FIRST);
  }

  @Test
  void anUnreadableLatestCountIsNoCount() {
    assertThat(outcome(apixabanFor().with(Findings.petechiae()).platelets(240, Duration.ofDays(2))
        .unread(DataGap.Kind.PLATELET_COUNT, "unit-unknown", Duration.ofHours(3))))
        .contains(OrderCheckOutcome.CHECK_PLATELETS_FIRST);
  }

  @Test
  void anUntestedRedLesionCallsForACountFirst() {
    assertThat(outcome(apixabanFor().with(Findings.redSkinLesion()))).contains(OrderCheckOutcome.CHECK_PLATELETS_FIRST);
  }

  @Test
  void aPetechiaeDiagnosisStandsForTheFinding() {
    OrderAssessment assessment = check(apixabanFor().condition(ConditionKind.PETECHIAE, Duration.ofHours(5)));
    assertThat(EvidenceText.of(assessment.concerns().get(0).reasons().get(0).evidence().get(0))).startsWith("diagnosis petechiae");
  }

  @Test
  void aBlanchingLesionIsNoReasonToCheckFirst() {
    assertThat(outcome(apixabanFor().with(Findings.cherryAngioma()))).isEmpty();
  }

  @Test
  void aFindingOlderThanTheTriagesLookBackIsNotRecent() {
    assertThat(outcome(apixabanFor().with(Findings.petechiae().observedAgo(Duration.ofDays(15))))).isEmpty();
  }

  @Test
  void anOldLowCountWithNewPetechiaeHoldsBothRowsTheMoreUrgentFirst() {
    assertThat(rows(apixabanFor().with(Findings.petechiae()).platelets(35, Duration.ofDays(10))))
        .containsExactly(OrderCheckOutcome.AVOID_FULL_DOSE, OrderCheckOutcome.CHECK_PLATELETS_FIRST);
  }
}
