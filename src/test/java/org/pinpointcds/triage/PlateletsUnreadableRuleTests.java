package org.pinpointcds.triage;

import static java.time.Duration.ofDays;
import static java.time.Duration.ofHours;
import static org.assertj.core.api.Assertions.assertThat;
import static org.pinpointcds.triage.Patients.wellAdultAfterVomiting;

import org.junit.jupiter.api.Test;

/** Row "same-day-cbc" (contract v2 sections 4 and 5.3): the latest platelet count could not be read. */
class PlateletsUnreadableRuleTests {

  @Test
  void anUnreadableLatestCountIsUnknownSoASameDayCbc() {
    Patients.Builder patient = wellAdultAfterVomiting().unread(DataGap.Kind.PLATELET_COUNT, "unit-unknown", ofHours(3));
    assertThat(patient.outcome()).contains(Outcome.SAME_DAY_CBC);
    assertThat(patient.reasons()).contains(ReasonKind.PLATELETS_UNREADABLE);
  }

  @Test
  void anUnreadableCountOlderThanTheLatestReadOneChangesNothing() {
    Patients.Builder patient = wellAdultAfterVomiting().unread(DataGap.Kind.PLATELET_COUNT, "implausible", ofDays(5));
    assertThat(patient.outcome()).contains(Outcome.WATCHFUL_WAITING);
    assertThat(patient.assess().unread()).isEmpty();
  }

  @Test
  void aCriticalCountStillOutranksIt() {
    Patients.Builder patient = wellAdultAfterVomiting().platelets(12, ofHours(5))
        .unread(DataGap.Kind.PLATELET_COUNT, "implausible", ofHours(1));
    assertThat(patient.outcome()).contains(Outcome.EMERGENCY_EVALUATION);
  }
}
