package org.pinpointcds.data;

import static java.time.Duration.ofDays;
import static java.time.Duration.ofHours;
import static org.assertj.core.api.Assertions.assertThat;
import static org.pinpointcds.data.DataLayer.ago;
import static org.pinpointcds.data.Medicines.activeStatement;
import static org.pinpointcds.data.Medicines.classesOf;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pinpointcds.testing.Fhir;
import org.pinpointcds.testing.HookRequest;
import org.pinpointcds.triage.Assessment;
import org.pinpointcds.triage.DrugClass;
import org.pinpointcds.triage.MedicationUse;

/** Which medicine records count (status, look-back) and how a referenced Medication is found. */
class MedicationReaderTests {

  private static final ObjectNode APIXABAN = Fhir.concept(Fhir.RXNORM, "1364430", "apixaban");

  @Nested
  class References {

    @Test
    void readsAMedicationContainedInTheStatement() {
      ObjectNode statement = Fhir.containing(activeStatement(Fhir.text("see contained")), Fhir.medication("m1", APIXABAN, null));
      assertThat(classesOf(statement)).containsExactly(DrugClass.FACTOR_XA_INHIBITORS);
    }

    @Test
    void readsAMedicationIncludedInTheBundle() {
      HookRequest request = HookRequest.forAdult()
          .add("medicationStatements", Fhir.referencing(activeStatement(Fhir.text("x")), "Medication/med-7"))
          .include("medicationStatements", Fhir.medication("med-7", APIXABAN, null));
      assertThat(Medicines.classes(request)).containsExactly(DrugClass.FACTOR_XA_INHIBITORS);
    }

    @Test
    void readsAMedicationIncludedUnderAnotherKey() {
      HookRequest request = HookRequest.forAdult()
          .add("medicationRequests", Fhir.referencing(Fhir.medicationRequest("mr-1", "active", Fhir.text("x")),
              Fhir.EHR + "Medication/med-7"))
          .include("medicationStatements", Fhir.medication("med-7", APIXABAN, null));
      assertThat(Medicines.classes(request)).containsExactly(DrugClass.FACTOR_XA_INHIBITORS);
    }

    @Test
    void anIncludedMedicationAloneIsNotAMedicineTaken() {
      HookRequest request = HookRequest.forAdult().include("medicationStatements", Fhir.medication("med-7", APIXABAN, null));
      assertThat(DataLayer.snapshot(request).medications()).isEmpty();
    }

    @Test
    void theCardNamesAReferencedMedicineByItsMedication() {
      ObjectNode statement = Fhir.containing(activeStatement(Fhir.text("x")), Fhir.medication("m1", APIXABAN, null));
      HookRequest request = HookRequest.forAdult().add("medicationStatements", statement);
      assertThat(DataLayer.snapshot(request).medications()).extracting(MedicationUse::name).containsExactly("apixaban");
    }
  }

  @Nested
  class Statements {

    @Test
    void anActiveStatementIsCurrent() {
      assertThat(contributingAfter(activeStatement(APIXABAN))).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"completed", "stopped"})
    void endedInsideTheClassLookBackStillContributes(String status) {
      assertThat(contributingAfter(ended(status, ofDays(3).minusHours(1)))).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"completed", "stopped"})
    void endedOutsideTheClassLookBackNoLongerContributes(String status) {
      assertThat(contributingAfter(ended(status, ofDays(3).plusHours(1)))).isEmpty();
    }

    @Test
    void eachClassHasItsOwnLookBack() {
      ObjectNode aspirin = Fhir.endedAt(
          Fhir.medicationStatement("medst-1", "stopped", Fhir.concept(Fhir.RXNORM, "1191", "aspirin"), ago(ofDays(60))),
          ago(ofDays(9)));
      assertThat(contributingAfter(aspirin)).extracting(MedicationUse::drugClass).containsExactly(DrugClass.ANTIPLATELETS);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"intended", "not-taken", "on-hold", "entered-in-error", "unknown"})
    void otherStatusesDoNotCount(String status) {
      assertThat(classesOf(Fhir.medicationStatement("medst-1", status, APIXABAN, ago(ofDays(1))))).isEmpty();
    }

    private ObjectNode ended(String status, Duration ago) {
      return Fhir.endedAt(Fhir.medicationStatement("medst-1", status, APIXABAN, ago(ofDays(60))), ago(ago));
    }
  }

  @Nested
  class Requests {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"active", "on-hold"})
    void activeAndOnHoldRequestsCount(String status) {
      assertThat(requestClasses(status)).containsExactly(DrugClass.FACTOR_XA_INHIBITORS);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"completed", "stopped", "cancelled", "draft", "entered-in-error", "unknown"})
    void otherRequestsDoNotCount(String status) {
      assertThat(requestClasses(status)).isEmpty();
    }

    private Set<DrugClass> requestClasses(String status) {
      return Medicines.classes(HookRequest.forAdult()
          .add("medicationRequests", Fhir.medicationRequest("mr-1", status, APIXABAN)));
    }
  }

  /** The medicines the triage names beside a recent petechiae finding. */
  private static List<MedicationUse> contributingAfter(ObjectNode statement) {
    Assessment assessment = DataLayer.assess(HookRequest.forAdult()
        .add("skinFindings", Fhir.skinFinding("skin-1", "petechiae", ago(ofHours(1))))
        .add("medicationStatements", statement));
    return assessment.contributingMedicines();
  }
}
