package org.pinpointcds.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pinpointcds.data.Medicines.activeStatement;
import static org.pinpointcds.data.Medicines.classesOf;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pinpointcds.testing.Fhir;
import org.pinpointcds.triage.DrugClass;

/** Every way contract section 3.2 names a drug, for every class; topical against systemic corticosteroids. */
class MedicationClassifierTests {

  @ParameterizedTest(name = "RxNorm {0} ({1}) is a {2}")
  @CsvSource({
      "11289, warfarin, VITAMIN_K_ANTAGONISTS",
      "5224, heparin, HEPARINS",
      "1546356, dabigatran, DIRECT_THROMBIN_INHIBITORS",
      "1364430, apixaban, FACTOR_XA_INHIBITORS",
      "321208, fondaparinux, FONDAPARINUX",
      "32968, clopidogrel, ANTIPLATELETS",
      "5640, ibuprofen, NSAIDS",
      "7258, naproxen, NSAIDS",
      "3355, diclofenac, NSAIDS",
      "35827, ketorolac, NSAIDS",
      "140587, celecoxib, NSAIDS",
      "8640, prednisone, SYSTEMIC_CORTICOSTEROIDS"})
  void classifiesByRxNormIngredientCode(String code, String ingredient, DrugClass expected) {
    assertThat(classesOf(activeStatement(Fhir.concept(Fhir.RXNORM, code, null)))).containsExactly(expected);
  }

  @ParameterizedTest(name = "ATC {0} is a {1}")
  @CsvSource({
      "B01AA03, VITAMIN_K_ANTAGONISTS",
      "B01AB05, HEPARINS",
      "B01AE07, DIRECT_THROMBIN_INHIBITORS",
      "B01AF02, FACTOR_XA_INHIBITORS",
      "B01AX05, FONDAPARINUX",
      "B01AC06, ANTIPLATELETS",
      "B01AC30, ANTIPLATELETS",
      "M01AE01, NSAIDS",
      "M01AB15, NSAIDS",
      "M01AH01, NSAIDS",
      "M01AX01, NSAIDS",
      "H02AB07, SYSTEMIC_CORTICOSTEROIDS",
      "D07AD01, TOPICAL_CORTICOSTEROIDS",
      "D07XC01, TOPICAL_CORTICOSTEROIDS"})
  void classifiesByAtcCode(String code, DrugClass expected) {
    assertThat(classesOf(activeStatement(Fhir.concept(Fhir.ATC, code, null)))).containsExactly(expected);
  }

  @Test
  void classifiesByAnRxNormClinicalDrugWhoseDisplayNamesTheIngredient() {
    ObjectNode drug = Fhir.concept(Fhir.RXNORM, "1364445", "apixaban 5 MG Oral Tablet [Eliquis]");
    assertThat(classesOf(activeStatement(drug))).containsExactly(DrugClass.FACTOR_XA_INHIBITORS);
  }

  @Test
  void classifiesByAnRxNormBrandedDrugWhoseDisplayNamesOnlyTheBrand() {
    ObjectNode drug = Fhir.concept(Fhir.RXNORM, "213169", "Plavix 75 MG Oral Tablet");
    assertThat(classesOf(activeStatement(drug))).containsExactly(DrugClass.ANTIPLATELETS);
  }

  @Test
  void classifiesByFreeTextBrandName() {
    assertThat(classesOf(activeStatement(Fhir.text("Eliquis 5 mg")))).containsExactly(DrugClass.FACTOR_XA_INHIBITORS);
  }

  @Test
  void classifiesByFreeTextIngredientName() {
    assertThat(classesOf(activeStatement(Fhir.text("Warfarin sodium 5 mg tablet"))))
        .containsExactly(DrugClass.VITAMIN_K_ANTAGONISTS);
  }

  @ParameterizedTest(name = "free text ''{0}'' is an NSAID")
  @CsvSource({"Advil 200 mg", "Motrin 400 mg", "Aleve", "Naprosyn 500 mg", "Voltaren 50 mg", "Toradol 10 mg",
      "Celebrex 200 mg", "Mobic 15 mg", "Ibuprofen 400 MG Oral Tablet"})
  void classifiesAnNsaidByFreeTextNameOrBrand(String text) {
    assertThat(classesOf(activeStatement(Fhir.text(text)))).containsExactly(DrugClass.NSAIDS);
  }

  @Test
  void glucosamineOfAtcM01axActsOnCartilageNotPlateletsAndIsNoNsaid() {
    assertThat(classesOf(activeStatement(Fhir.concept(Fhir.ATC, "M01AX05", "glucosamine")))).isEmpty();
  }

  @Test
  void aWordThatOnlyStartsLikeAnIngredientIsNotThatIngredient() {
    assertThat(classesOf(activeStatement(Fhir.text("heparinoid cream")))).isEmpty();
  }

  @Test
  void anUnrelatedMedicineHasNoClass() {
    assertThat(classesOf(activeStatement(Fhir.concept(Fhir.RXNORM, "161", "acetaminophen")))).isEmpty();
  }

  @Nested
  class Corticosteroids {

    private final ObjectNode hydrocortisone = Fhir.concept(Fhir.RXNORM, "5492", "hydrocortisone");

    @Test
    void anIngredientOfBothSetsIsSystemicWithoutATopicalFormOrRoute() {
      assertThat(classesOf(activeStatement(hydrocortisone))).containsExactly(DrugClass.SYSTEMIC_CORTICOSTEROIDS);
    }

    @Test
    void topicalByDoseFormOfTheMedication() {
      ObjectNode statement = Fhir.containing(activeStatement(hydrocortisone),
          Fhir.medication("med-1", hydrocortisone, Fhir.text("Cream")));
      assertThat(classesOf(statement)).containsExactly(DrugClass.TOPICAL_CORTICOSTEROIDS);
    }

    @Test
    void topicalByRoute() {
      ObjectNode statement = Fhir.route(activeStatement(hydrocortisone), Fhir.concept(Fhir.SNOMED, "6064005", "Topical route"));
      assertThat(classesOf(statement)).containsExactly(DrugClass.TOPICAL_CORTICOSTEROIDS);
    }

    @Test
    void topicalByTheProductNamingItsForm() {
      assertThat(classesOf(activeStatement(Fhir.text("Hydrocortisone 1% ointment"))))
          .containsExactly(DrugClass.TOPICAL_CORTICOSTEROIDS);
    }

    @Test
    void systemicByAnOralDoseForm() {
      ObjectNode statement = Fhir.containing(activeStatement(hydrocortisone),
          Fhir.medication("med-1", hydrocortisone, Fhir.concept(Fhir.SNOMED, "385055001", "Tablet")));
      assertThat(classesOf(statement)).containsExactly(DrugClass.SYSTEMIC_CORTICOSTEROIDS);
    }

    @Test
    void aDermatologicalAtcCodeIsTopicalWhateverTheRoute() {
      assertThat(classesOf(activeStatement(Fhir.concept(Fhir.ATC, "D07AC13", "mometasone"))))
          .containsExactly(DrugClass.TOPICAL_CORTICOSTEROIDS);
    }
  }
}
