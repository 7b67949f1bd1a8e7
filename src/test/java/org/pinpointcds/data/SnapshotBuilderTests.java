package org.pinpointcds.data;

import static java.time.Duration.ofDays;
import static java.time.Duration.ofHours;
import static org.assertj.core.api.Assertions.assertThat;
import static org.pinpointcds.data.DataLayer.ago;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pinpointcds.testing.Fhir;
import org.pinpointcds.testing.HookRequest;
import org.pinpointcds.triage.PatientSnapshot;

/** The status rules of contract section 3, and classification by code whichever key brought a resource. */
class SnapshotBuilderTests {

  @Nested
  class SkinFindingStatus {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"final", "amended", "corrected", "preliminary"})
    void countsAFindingThatIsRecordedOrPreliminary(String status) {
      assertThat(findingsWithStatus(status)).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"entered-in-error", "cancelled", "registered"})
    void ignoresAFindingThatIsWithdrawnOrNotYetMade(String status) {
      assertThat(findingsWithStatus(status)).isZero();
    }

    private int findingsWithStatus(String status) {
      return snapshot("skinFindings", Fhir.skinFinding("skin-1", "petechiae", ago(ofHours(1))).status(status).json())
          .skinFindings().size();
    }
  }

  @Nested
  class PlateletCountStatus {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"final", "amended", "corrected"})
    void countsAVerifiedResult(String status) {
      assertThat(countsWithStatus(status)).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"preliminary", "registered", "entered-in-error", "cancelled"})
    void ignoresAnUnverifiedOrWithdrawnResult(String status) {
      assertThat(countsWithStatus(status)).isZero();
    }

    private int countsWithStatus(String status) {
      return snapshot("plateletCounts", Fhir.plateletCount("plt-1", 12, "10*3/uL", ago(ofHours(1))).put("status", status))
          .plateletCounts().size();
    }
  }

  @Nested
  class CbcOrders {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"active", "completed"})
    void countsAnActiveOrCompletedOrder(String status) {
      assertThat(snapshot("cbcOrders", Fhir.cbcOrder("sr-1", status, ago(ofHours(2)))).cbcOrders()).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"draft", "on-hold", "revoked", "entered-in-error"})
    void ignoresOtherOrders(String status) {
      assertThat(snapshot("cbcOrders", Fhir.cbcOrder("sr-1", status, ago(ofHours(2)))).cbcOrders()).isEmpty();
    }

    @Test
    void ignoresAnOrderThatIsNotACbc() {
      ObjectNode inr = Fhir.cbcOrder("sr-1", "active", ago(ofHours(2)));
      inr.set("code", Fhir.concept(Fhir.LOINC, "34714-6", "INR"));
      assertThat(snapshot("cbcOrders", inr).cbcOrders()).isEmpty();
    }
  }

  @Nested
  class ContractCodes {

    @ParameterizedTest(name = "LOINC {0}")
    @ValueSource(strings = {"777-3", "26515-7", "778-1", "13056-7", "26516-5", "97995-5", "49497-1"})
    void readsEveryPlateletCountCode(String loinc) {
      ObjectNode count = Fhir.plateletCount("plt-1", 95, "10*3/uL", ago(ofHours(1)));
      count.set("code", Fhir.concept(Fhir.LOINC, loinc, null));
      assertThat(snapshot("plateletCounts", count).plateletCounts()).hasSize(1);
    }

    @ParameterizedTest(name = "LOINC {0}")
    @ValueSource(strings = {"8310-5", "8331-1", "8328-7", "8332-9", "8333-7"})
    void readsEveryTemperatureCode(String loinc) {
      ObjectNode temperature = Fhir.temperature("temp-1", 38.2, "Cel", ago(ofHours(1)));
      temperature.set("code", Fhir.concept(Fhir.LOINC, loinc, null));
      assertThat(snapshot("temperatures", temperature).temperatures()).hasSize(1);
    }

    @ParameterizedTest(name = "LOINC {0}")
    @ValueSource(strings = {"58410-2", "57021-8", "69742-5", "57782-5"})
    void readsEveryCbcOrderCode(String loinc) {
      ObjectNode order = Fhir.cbcOrder("sr-1", "active", ago(ofHours(1)));
      order.set("code", Fhir.concept(Fhir.LOINC, loinc, null));
      assertThat(snapshot("cbcOrders", order).cbcOrders()).hasSize(1);
    }
  }

  @Test
  void readsTheContextPatientsBirthDateEvenWhenAnotherPatientComesFirst() {
    HookRequest request = HookRequest.forAdult()
        .add("skinFindings", Fhir.patient("someone-else", LocalDate.of(1940, 1, 1)));
    assertThat(DataLayer.snapshot(request).birthDate()).contains(HookRequest.ADULT_BIRTH_DATE);
  }

  @Test
  void classifiesAResourceByItsCodeWhicheverKeyBroughtIt() {
    PatientSnapshot snapshot = snapshot("skinFindings", Fhir.temperature("temp-1", 38.5, "Cel", ago(ofHours(1))));
    assertThat(snapshot.temperatures()).hasSize(1);
    assertThat(snapshot.skinFindings()).isEmpty();
  }

  @Test
  void datesAnObservationByTheStartOfItsEffectivePeriod() {
    ObjectNode finding = Fhir.skinFinding("skin-1", "petechiae", ago(ofHours(1))).json();
    finding.remove("effectiveDateTime");
    finding.putObject("effectivePeriod").put("start", ago(ofDays(2)).toString());
    assertThat(snapshot("skinFindings", finding).skinFindings().get(0).observedAt().first()).isEqualTo(ago(ofDays(2)));
  }

  @Test
  void readsTheSameResourceUnderTwoKeysOnce() {
    ObjectNode finding = Fhir.skinFinding("skin-1", "petechiae", ago(ofHours(1))).json();
    HookRequest request = HookRequest.forAdult().add("skinFindings", finding).add("temperatures", finding.deepCopy());
    assertThat(DataLayer.snapshot(request).skinFindings()).hasSize(1);
  }

  private static PatientSnapshot snapshot(String key, ObjectNode resource) {
    return DataLayer.snapshot(HookRequest.forAdult().add(key, resource));
  }
}
