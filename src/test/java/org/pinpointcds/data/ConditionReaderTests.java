package org.pinpointcds.data;

import static java.time.Duration.ofDays;
import static org.assertj.core.api.Assertions.assertThat;
import static org.pinpointcds.data.DataLayer.ago;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.pinpointcds.testing.Fhir;
import org.pinpointcds.testing.HookRequest;
import org.pinpointcds.triage.ConditionEntry;
import org.pinpointcds.triage.ConditionKind;

/** Conditions that count: active, recurrence or relapse; not refuted or entered in error (contract section 3.2). */
class ConditionReaderTests {

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"active", "recurrence", "relapse"})
  void countsACurrentCondition(String clinicalStatus) {
    assertThat(read(Fhir.condition("c1", "R23.3", clinicalStatus, ago(ofDays(1))))).hasSize(1);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"inactive", "remission", "resolved"})
  void ignoresAConditionThatIsNoLongerCurrent(String clinicalStatus) {
    assertThat(read(Fhir.condition("c1", "R23.3", clinicalStatus, ago(ofDays(1))))).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"refuted", "entered-in-error"})
  void ignoresARefutedOrMistakenCondition(String verification) {
    assertThat(read(Fhir.verificationStatus(Fhir.condition("c1", "R23.3", "active", ago(ofDays(1))), verification)))
        .isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"confirmed", "provisional", "unconfirmed", "differential"})
  void countsAConditionThatIsNotRuledOut(String verification) {
    assertThat(read(Fhir.verificationStatus(Fhir.condition("c1", "R23.3", "active", ago(ofDays(1))), verification)))
        .hasSize(1);
  }

  @Test
  void ignoresAConditionWithoutAClinicalStatus() {
    ObjectNode condition = Fhir.condition("c1", "R23.3", "active", ago(ofDays(1)));
    condition.remove("clinicalStatus");
    assertThat(read(condition)).isEmpty();
  }

  @ParameterizedTest(name = "ICD-10-CM {0} is {1}")
  @CsvSource({"R23.3, PETECHIAE", "R50.9, FEVER", "R50.81, FEVER", "D69.6, THROMBOCYTOPENIA", "D69.3, THROMBOCYTOPENIA"})
  void readsTheKindFromTheCode(String icd10, ConditionKind kind) {
    assertThat(read(Fhir.condition("c1", icd10, "active", ago(ofDays(1))))).extracting(ConditionEntry::kind)
        .containsExactly(kind);
  }

  @Test
  void datesAConditionByTheLatestOfOnsetAndRecordedDate() {
    ObjectNode condition = Fhir.condition("c1", "R50.9", "active", ago(ofDays(5))).put("onsetDateTime", ago(ofDays(1)).toString());
    assertThat(read(condition)).extracting(c -> c.dated().orElseThrow().first())
        .containsExactly(ago(ofDays(1)));
  }

  private static List<ConditionEntry> read(ObjectNode condition) {
    return DataLayer.snapshot(HookRequest.forAdult().add("conditions", condition)).conditions();
  }
}
