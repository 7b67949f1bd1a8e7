package org.pinpointcds.data;

import static java.time.Duration.ofDays;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pinpointcds.data.DataLayer.ago;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pinpointcds.data.RequiredDataUnavailableException.Cause;
import org.pinpointcds.testing.Await;
import org.pinpointcds.testing.FetchSettingsFor;
import org.pinpointcds.testing.Fhir;
import org.pinpointcds.testing.HookRequest;
import org.pinpointcds.testing.HostileFhirServer;
import org.pinpointcds.triage.DrugClass;
import org.pinpointcds.triage.MedicationUse;
import org.pinpointcds.triage.PatientSnapshot;

/**
 * Medications that a call's statements name by reference only, read from a FHIR server over a real socket: in
 * searches by {@code _id}, a few at a time, and never more than the cap, past which the call is a 412 naming the
 * key (an unread medicine could hide an anticoagulant), with nothing read.
 */
class MedicationReadsTests {

  /** Every Medication is apixaban, an anticoagulant: each one read is a medicine in the snapshot. */
  private static final Function<String, String> MEDICATIONS =
      id -> Fhir.medication(id, Fhir.concept(Fhir.RXNORM, "1364430", "apixaban"), null).toString();
  private static final int CAP = 50;
  private static final int BATCH = 5;
  private static final int AT_ONCE = 3;

  /** Each answer takes a while, so that the reads of one call overlap as far as Pinpoint lets them. */
  private final HostileFhirServer ehr =
      HostileFhirServer.start(HostileFhirServer.byId(Duration.ofMillis(100), MEDICATIONS));
  private final PatientDataReader reader = DataLayer.reader(new FhirServerFetcher(DataLayer.FHIR,
      FetchSettingsFor.properties("max-reads=" + CAP, "read-batch-size=" + BATCH,
          "max-concurrent-requests=" + AT_ONCE, "budget=PT20S", "call-timeout=PT10S")));

  @AfterEach
  void stop() throws IOException {
    ehr.close();
  }

  @Test
  void referencesUpToTheCapAreReadInBatchesOfAFewAtOnce() {
    PatientSnapshot snapshot = read(statementsNaming(CAP));

    assertThat(ehr.requests()).hasSize(CAP / BATCH)
        .allSatisfy(target -> assertThat(target).startsWith("/fhir/Medication?_id=").contains("&_count=" + BATCH));
    assertThat(ehr.mostAtOnce()).isLessThanOrEqualTo(AT_ONCE);
    assertThat(snapshot.medications()).hasSize(CAP)
        .extracting(MedicationUse::drugClass).containsOnly(DrugClass.FACTOR_XA_INHIBITORS);
  }

  @Test
  void fiveThousandReferencesAreA412NamingTheKeyWithNothingRead() {
    assertThatThrownBy(() -> read(statementsNaming(5_000)))
        .isInstanceOfSatisfying(RequiredDataUnavailableException.class, e -> {
          assertThat(e.reasons()).containsOnlyKeys("medicationStatements");
          assertThat(e.causes()).containsExactly(Cause.UNRESOLVED_QUERY);
          assertThat(e.reasonsByKey().get("medicationStatements")).contains("5000 resources by id", "the " + CAP);
        });
    assertThat(ehr.requests()).isEmpty();

    assertThat(read(statementsNaming(2)).medications()).hasSize(2);
    assertThat(ehr.requests()).containsExactly("/fhir/Medication?_id=m0,m1&_count=2");
  }

  @Test
  void aMedicationTheSearchLeavesOutIsUnavailable() {
    ehr.answer(HostileFhirServer.byId(Duration.ZERO, id -> id.equals("m1") ? null : MEDICATIONS.apply(id)));

    assertThatThrownBy(() -> read(statementsNaming(3)))
        .isInstanceOfSatisfying(RequiredDataUnavailableException.class, e -> {
          assertThat(e.causes()).containsExactly(Cause.NOT_FOUND);
          assertThat(e.reasonsByKey().get("medicationStatements")).contains("Medication/m1");
        });
  }

  @Test
  void aSingleReferenceIsARead() {
    assertThat(read(statementsNaming(1)).medications()).hasSize(1);

    assertThat(ehr.requests()).containsExactly("/fhir/Medication/m0");
  }

  @Test
  void aReferenceThatIsNotAMedicationReadIsRefusedUnread() {
    HookRequest request = HookRequest.forAdult().add("medicationStatements",
        Fhir.referencing(statement(0), "https://elsewhere.example/fhir/Medication/m0"));

    assertThatThrownBy(() -> read(request)).isInstanceOfSatisfying(RequiredDataUnavailableException.class,
        e -> assertThat(e.causes()).isEqualTo(Set.of(Cause.UNRESOLVED_QUERY)));
    assertThat(ehr.requests()).isEmpty();
  }

  /** {@code count} active statements, each naming its own Medication ({@code Medication/m0}, ...) by reference only. */
  private static HookRequest statementsNaming(int count) {
    return HookRequest.forAdult().add("medicationStatements", IntStream.range(0, count)
        .mapToObj(i -> Fhir.referencing(statement(i), "Medication/m" + i)).toArray(ObjectNode[]::new));
  }

  private static ObjectNode statement(int i) {
    return Fhir.medicationStatement("medst-" + i, "active", Fhir.text("x"), ago(ofDays(30)));
  }

  private PatientSnapshot read(HookRequest request) {
    return Await.value(reader.read(DataLayer.DEFINITION.prefetch(),
        DataLayer.dataRequest(request, Optional.of(new FhirAccess(ehr.base(), Optional.of("token"))))));
  }
}
