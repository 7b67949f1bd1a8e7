package org.pinpointcds.ordercheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pinpointcds.ordercheck.Orders.apixabanFor;
import static org.pinpointcds.ordercheck.Orders.check;
import static org.pinpointcds.ordercheck.Orders.outcome;

import java.time.Duration;
import org.pinpointcds.cards.EvidenceText;
import org.junit.jupiter.api.Test;
import org.pinpointcds.triage.Findings;
import org.pinpointcds.triage.MucosalSite;
import org.pinpointcds.triage.PlateletCount;
import org.pinpointcds.triage.Symptom;

/** Row high-risk-order: a critical count, or a recent red finding with an emergency red flag of section 4. */
class HighRiskOrderRuleTests {

  @Test
  void aCountJustBelowTwentyMakesTheOrderHighRisk() {
    assertThat(outcome(apixabanFor().platelets(19.9, Duration.ofHours(3))))
        .contains(OrderCheckOutcome.HIGH_RISK_ORDER);
  }

  @Test
  void aCountOfTwentyIsNotHighRisk() {
    assertThat(outcome(apixabanFor().platelets(20, Duration.ofHours(3))))
        .contains(OrderCheckOutcome.AVOID_FULL_DOSE);
  }

  @Test
  void aCountReportedAsBelowABoundIsReadAsCritical() {
    assertThat(outcome(apixabanFor().platelets(PlateletCount.Bound.AT_MOST, 50, Duration.ofHours(3))))
        .contains(OrderCheckOutcome.HIGH_RISK_ORDER);
  }

  @Test
  void aCriticalCountOfAnyAgeCounts() {
    assertThat(outcome(apixabanFor().platelets(12, Duration.ofDays(60))))
        .contains(OrderCheckOutcome.HIGH_RISK_ORDER);
  }

  @Test
  void petechiaeWithFeverMakeTheOrderHighRiskWhateverTheCount() {
    OrderAssessment assessment = check(apixabanFor()
        .with(Findings.petechiae().observedAgo(Duration.ofHours(2)))
        .temperature(38.4, Duration.ofHours(1))
        .platelets(240, Duration.ofDays(1)));
    assertThat(assessment.concerns().get(0).outcome()).isEqualTo(OrderCheckOutcome.HIGH_RISK_ORDER);
    assertThat(assessment.concerns().get(0).reasons().get(0).evidence().stream().map(EvidenceText::of))
        .anySatisfy(e -> assertThat(e).startsWith("fever: temperature 38.4 °C"));
  }

  @Test
  void gumBleedingOnARecentFindingIsARedFlag() {
    assertThat(outcome(apixabanFor().with(Findings.petechiae().symptom(Symptom.GUM_BLEEDING))
        .platelets(240, Duration.ofDays(1)))).contains(OrderCheckOutcome.HIGH_RISK_ORDER);
  }

  @Test
  void spotsInTheMouthAreARedFlag() {
    assertThat(outcome(apixabanFor().with(Findings.petechiae().mucosal(MucosalSite.MOUTH))
        .platelets(240, Duration.ofDays(1)))).contains(OrderCheckOutcome.HIGH_RISK_ORDER);
  }

  @Test
  void confusionOnAnUntestedRedLesionIsARedFlag() {
    assertThat(outcome(apixabanFor().with(Findings.redSkinLesion().symptom(Symptom.CONFUSION))
        .platelets(240, Duration.ofDays(1)))).contains(OrderCheckOutcome.HIGH_RISK_ORDER);
  }

  @Test
  void feverWithoutAnyRedFindingIsNoRedFlag() {
    assertThat(outcome(apixabanFor().temperature(39, Duration.ofHours(1)).platelets(240, Duration.ofDays(1))))
        .isEmpty();
  }

  @Test
  void feverWithOnlyABlanchingLesionIsNoRedFlag() {
    assertThat(outcome(apixabanFor().with(Findings.cherryAngioma()).temperature(39, Duration.ofHours(1))
        .platelets(240, Duration.ofDays(1)))).isEmpty();
  }
}
