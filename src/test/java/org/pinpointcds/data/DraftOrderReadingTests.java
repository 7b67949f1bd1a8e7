package org.pinpointcds.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pinpointcds.data.DataLayer.DEFINITION;
import static org.pinpointcds.data.DataLayer.NO_SERVER;
import static org.pinpointcds.data.DataLayer.dataRequest;
import static org.pinpointcds.data.DataLayer.reader;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.pinpointcds.testing.Await;
import org.pinpointcds.testing.HookRequest;
import org.pinpointcds.triage.DrugClass;
import org.pinpointcds.triage.MedicationUse;
import org.pinpointcds.triage.PatientSnapshot;

/** An order-sign call's draft orders (contract 6): read whatever their status, classified as the triage's medicines. */
class DraftOrderReadingTests {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aDraftIsReadWhateverItsStatusAndIsNotAMedicineTaken() throws Exception {
    PatientSnapshot snapshot = read(draft("\"status\": \"draft\", \"medicationCodeableConcept\": {\"text\": \"Eliquis 5 mg\"}"));
    assertThat(snapshot.draftOrders()).extracting(MedicationUse::reference, MedicationUse::drugClass)
        .containsExactly(Tuple.tuple("MedicationRequest/d1", DrugClass.FACTOR_XA_INHIBITORS));
    assertThat(snapshot.medications()).isEmpty();
  }

  @Test
  void aDraftNamingAContainedMedicationIsClassifiedByIt() throws Exception {
    PatientSnapshot snapshot = read(draft("""
        "status": "active", "contained": [{"resourceType": "Medication", "id": "m",
          "code": {"coding": [{"system": "http://www.whocc.no/atc", "code": "M01AE02"}]}}],
        "medicationReference": {"reference": "#m"}"""));
    assertThat(snapshot.draftOrders()).extracting(MedicationUse::drugClass).containsExactly(DrugClass.NSAIDS);
  }

  @Test
  void aDraftNotToGiveTheMedicineIsNoDraftOrder() throws Exception {
    PatientSnapshot snapshot = read(draft(
        "\"status\": \"draft\", \"doNotPerform\": true, \"medicationCodeableConcept\": {\"text\": \"warfarin\"}"));
    assertThat(snapshot.draftOrders()).isEmpty();
  }

  private static JsonNode draft(String fields) throws Exception {
    return JSON.readTree("""
        {"resourceType": "Bundle", "type": "collection", "entry": [{"resource":
          {"resourceType": "MedicationRequest", "id": "d1", "intent": "order", %s}}]}""".formatted(fields));
  }

  private static PatientSnapshot read(JsonNode draftOrders) {
    return Await.value(reader(NO_SERVER).read(DEFINITION.prefetch(),
        dataRequest(HookRequest.forAdult(), Optional.empty()), draftOrders));
  }
}
