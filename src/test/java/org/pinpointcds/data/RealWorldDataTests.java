package org.pinpointcds.data;

import org.pinpointcds.cards.EvidenceText;
import static java.time.Duration.ofDays;
import static java.time.Duration.ofHours;
import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.pinpointcds.data.DataLayer.ago;
import static org.pinpointcds.data.DataLayer.assessBothWays;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pinpointcds.testing.Fhir;
import org.pinpointcds.testing.HookRequest;
import org.pinpointcds.triage.Assessment;
import org.pinpointcds.triage.Concern;
import org.pinpointcds.triage.DataGap;
import org.pinpointcds.triage.Outcome;
import org.pinpointcds.triage.Reason;
import org.pinpointcds.triage.ReasonKind;

/**
 * Contract v2 section 5: charts shaped the way EHRs send them. Each rule is read from FHIR JSON, on the hook call's
 * path and on the whole-resource path alike, and judged by the outcome a clinician sees.
 */
class RealWorldDataTests {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** Localised petechiae on the face after vomiting, afebrile, normal count: watchful waiting, unless what is added says otherwise. */
  private static HookRequest wellAfterVomiting() {
    return HookRequest.forAdult()
        .add("skinFindings", Fhir.skinFinding("skin-1", "petechiae", ago(ofHours(1))).blanches(false)
            .extent("localized").trigger("vomiting"))
        .add("temperatures", Fhir.temperature("temp-ok", 36.9, "Cel", ago(ofHours(2))))
        .add("plateletCounts", Fhir.plateletCount("plt-ok", 240, "10*3/uL", ago(ofDays(2))));
  }

  private static Outcome outcome(HookRequest request) {
    return first(assessBothWays(request)).outcome();
  }

  private static Concern first(Assessment assessment) {
    assertThat(assessment.concerns()).isNotEmpty();
    return assessment.concerns().get(0);
  }

  private static List<ReasonKind> reasons(Assessment assessment) {
    return first(assessment).reasons().stream().map(Reason::kind).toList();
  }

  private static String evidence(Assessment assessment) {
    return first(assessment).reasons().stream().flatMap(r -> r.evidence().stream()).map(EvidenceText::of).toList().toString();
  }

  @Test
  void theBaselineIsWatchfulWaiting() {
    assertThat(outcome(wellAfterVomiting())).isEqualTo(Outcome.WATCHFUL_WAITING);
  }

  /** 5.1: a date without a time stands for the whole period it names, in the site's time zone. */
  @Nested
  class DatesWithoutATime {

    @Test
    void aFeverDatedOnlyByYesterdaysDateIsInsideThe24HourLookBack() {
      ObjectNode fever = Fhir.temperature("temp-yesterday", 38.6, "Cel", ago(ofHours(1))).put("effectiveDateTime", "2026-11-19");
      assertThat(outcome(wellAfterVomiting().add("temperatures", fever))).isEqualTo(Outcome.EMERGENCY_EVALUATION);
    }

    @Test
    void aFeverDatedTheDayBeforeYesterdayIsNot() {
      ObjectNode fever = Fhir.temperature("temp-old", 38.6, "Cel", ago(ofHours(1))).put("effectiveDateTime", "2026-11-18");
      assertThat(outcome(wellAfterVomiting().add("temperatures", fever))).isEqualTo(Outcome.WATCHFUL_WAITING);
    }

    @Test
    void aFindingDatedOnlyByItsMonthCountsWhileAnyDayOfItIsInsideTheLookBack() {
      HookRequest request = HookRequest.forAdult().add("skinFindings",
          Fhir.skinFinding("skin-month", "petechiae", ago(ofHours(1))).json().put("effectiveDateTime", "2026-11"));
      assertThat(outcome(request)).isEqualTo(Outcome.SAME_DAY_CBC);
    }

    @Test
    void aCountDatedOnlyByTodayIsOrderedByItsFirstInstant() {
      // 2026-11-20 starts at midnight: the count at 05:00 that day is later, so it is the latest.
      HookRequest request = wellAfterVomiting()
          .add("plateletCounts", Fhir.plateletCount("plt-today", 15, "10*3/uL", ago(ofHours(1))).put("effectiveDateTime", "2026-11-20"))
          .add("plateletCounts", Fhir.plateletCount("plt-later", 230, "10*3/uL", ago(ofHours(4))));
      assertThat(outcome(request)).isEqualTo(Outcome.WATCHFUL_WAITING);
    }

    @Test
    void theCardNamesTheDateAsWritten() {
      ObjectNode fever = Fhir.temperature("temp-yesterday", 38.6, "Cel", ago(ofHours(1))).put("effectiveDateTime", "2026-11-19");
      assertThat(evidence(assessBothWays(wellAfterVomiting().add("temperatures", fever))))
          .contains("Observation/temp-yesterday, 2026-11-19)");
    }
  }

  /** 5.2: kelvin, a missing unit inferred from the value, and plausibility. */
  @Nested
  class Temperatures {

    @Test
    void kelvinIsConverted() {
      assertThat(outcome(wellAfterVomiting().add("temperatures", Fhir.temperature("temp-k", 311.75, "K", ago(ofHours(1))))))
          .isEqualTo(Outcome.EMERGENCY_EVALUATION);
    }

    @ParameterizedTest(name = "{0} with no unit")
    @CsvSource({"101.8", "38.6"})
    void aTemperatureWithoutAUnitIsReadAsCelsiusOrFahrenheitByItsValue(double value) {
      ObjectNode fever = Fhir.temperature("temp-no-unit", value, "Cel", ago(ofHours(1)));
      fever.set("valueQuantity", JSON.objectNode().put("value", value));
      Assessment assessment = assessBothWays(wellAfterVomiting().add("temperatures", fever));
      assertThat(first(assessment).outcome()).isEqualTo(Outcome.EMERGENCY_EVALUATION);
      assertThat(evidence(assessment)).contains("the unit was inferred from the value");
    }

    @Test
    void aTemperatureWithoutAUnitOutsideBothRangesIsNotRead() {
      ObjectNode odd = Fhir.temperature("temp-odd", 60, "Cel", ago(ofHours(1)));
      odd.set("valueQuantity", JSON.objectNode().put("value", 60));
      Assessment assessment = assessBothWays(wellAfterVomiting().add("temperatures", odd));
      assertThat(first(assessment).outcome()).isEqualTo(Outcome.WATCHFUL_WAITING);
      assertThat(assessment.unread()).extracting(DataGap::reference, DataGap::reason, DataGap::key)
          .containsExactly(tuple("Observation/temp-odd", "unit-unknown", "temperatures"));
    }

    @Test
    void anImplausibleTemperatureIsNotRead() {
      Assessment assessment = assessBothWays(wellAfterVomiting()
          .add("temperatures", Fhir.temperature("temp-hot", 50, "Cel", ago(ofHours(1)))));
      assertThat(first(assessment).outcome()).isEqualTo(Outcome.WATCHFUL_WAITING);
      assertThat(assessment.unread()).extracting(DataGap::reason).containsExactly("implausible");
    }

    @Test
    void aTemperatureGivenAsTextIsNotRead() {
      ObjectNode text = Fhir.temperature("temp-text", 38, "Cel", ago(ofHours(1)));
      text.remove("valueQuantity");
      text.put("valueString", "38.9 C");
      assertThat(assessBothWays(wellAfterVomiting().add("temperatures", text)).unread())
          .extracting(DataGap::reason).containsExactly("unreadable-value");
    }
  }

  /** 5.3: comparators as ranges, implausible counts, panels, and the unreadable latest count. */
  @Nested
  class PlateletCounts {

    private ObjectNode count(String id, double value, String comparator) {
      ObjectNode count = Fhir.plateletCount(id, value, "10*3/uL", ago(ofHours(1)));
      ((ObjectNode) count.get("valueQuantity")).put("comparator", comparator);
      return count;
    }

    @ParameterizedTest(name = "{0}{1} x10^9/L is {2}")
    @CsvSource({"<, 20, EMERGENCY_EVALUATION", "<=, 20, EMERGENCY_EVALUATION", ">, 150, WATCHFUL_WAITING",
        ">=, 150, WATCHFUL_WAITING", ">, 100, SAME_DAY_CBC", ">, 400, WATCHFUL_WAITING"})
    void aComparatorIsReadAsTheMostUrgentBandTheRangeAllows(String comparator, double value, Outcome expected) {
      assertThat(outcome(wellAfterVomiting().add("plateletCounts", count("plt-range", value, comparator))))
          .isEqualTo(expected);
    }

    @Test
    void theCardSaysHowTheCountWasReported() {
      assertThat(evidence(assessBothWays(wellAfterVomiting().add("plateletCounts", count("plt-range", 20, "<")))))
          .contains("reported as <20 x10^9/L");
    }

    @Test
    void anImplausibleLatestCountIsUnknownSoASameDayCbc() {
      Assessment assessment = assessBothWays(wellAfterVomiting()
          .add("plateletCounts", Fhir.plateletCount("plt-mixup", 240_000, "10*3/uL", ago(ofHours(1)))));
      assertThat(first(assessment).outcome()).isEqualTo(Outcome.SAME_DAY_CBC);
      assertThat(reasons(assessment)).contains(ReasonKind.PLATELETS_UNREADABLE);
      assertThat(assessment.unread()).extracting(DataGap::reason).containsExactly("implausible");
    }

    @Test
    void aLatestCountInAnUnknownUnitIsUnknownSoASameDayCbc() {
      assertThat(outcome(wellAfterVomiting()
          .add("plateletCounts", Fhir.plateletCountWithDisplayUnit("plt-odd", 12, "cells/hpf", ago(ofHours(1))))))
          .isEqualTo(Outcome.SAME_DAY_CBC);
    }

    @Test
    void aResultWithoutAValueIsNotACountAndTheOneBeforeItIsTheLatest() {
      ObjectNode clotted = Fhir.plateletCount("plt-clotted", 0, "10*3/uL", ago(ofHours(1)));
      clotted.remove("valueQuantity");
      clotted.set("dataAbsentReason", Fhir.concept("http://terminology.hl7.org/CodeSystem/data-absent-reason", "error", null));
      Assessment assessment = assessBothWays(wellAfterVomiting().add("plateletCounts", clotted));
      assertThat(first(assessment).outcome()).isEqualTo(Outcome.WATCHFUL_WAITING);
      assertThat(assessment.unread()).isEmpty();
    }

    @Test
    void aCountSentAsAComponentOfACbcPanelCounts() {
      ObjectNode panel = Fhir.plateletCount("cbc-1", 0, "10*3/uL", ago(ofHours(1)));
      panel.remove("valueQuantity");
      panel.set("code", Fhir.concept(Fhir.LOINC, "58410-2", "CBC panel - Blood by Automated count"));
      ObjectNode component = panel.putArray("component").addObject();
      component.set("code", Fhir.concept(Fhir.LOINC, "777-3", "Platelets"));
      component.putObject("valueQuantity").put("value", 14).put("unit", "10*3/uL").put("system", Fhir.UCUM)
          .put("code", "10*3/uL");
      Assessment assessment = assessBothWays(wellAfterVomiting().add("plateletCounts", panel));
      assertThat(first(assessment).outcome()).isEqualTo(Outcome.EMERGENCY_EVALUATION);
      assertThat(evidence(assessment)).contains("Observation/cbc-1");
    }

    /** A panel's member is read by its own code and date, whichever key brought it. */
    @Test
    void aMemberOfAPanelSentInTheSameCallCountsByItsOwnCode() {
      ObjectNode member = Fhir.plateletCount("plt-member", 14, "10*3/uL", ago(ofHours(1)));
      ObjectNode panel = Fhir.plateletCount("cbc-2", 0, "10*3/uL", ago(ofHours(1)));
      panel.remove("valueQuantity");
      panel.set("code", Fhir.concept(Fhir.LOINC, "58410-2", null));
      panel.putArray("hasMember").addObject().put("reference", "Observation/plt-member");
      assertThat(outcome(wellAfterVomiting().add("plateletCounts", panel).add("conditions", member)))
          .isEqualTo(Outcome.EMERGENCY_EVALUATION);
    }
  }

  /** 5.4: blanching not recorded, the patient's findings together, the latest trigger, free text. */
  @Nested
  class SkinFindings {

    @Test
    void redSpotsWithNoGlassTestAskForIt() {
      HookRequest request = HookRequest.forAdult()
          .add("skinFindings", Fhir.skinFinding("skin-red", "red-skin-lesion", ago(ofHours(1))).distribution("trunk-limbs"));
      assertThat(outcome(request)).isEqualTo(Outcome.CHECK_BLANCHING);
    }

    @Test
    void aRedRashWithFeverAndNoGlassTestIsAnEmergency() {
      HookRequest request = HookRequest.forAdult()
          .add("skinFindings", Fhir.skinFinding("skin-red", "red-skin-lesion", ago(ofHours(1))))
          .add("temperatures", Fhir.temperature("temp-hot", 38.7, "Cel", ago(ofHours(2))));
      assertThat(outcome(request)).isEqualTo(Outcome.EMERGENCY_EVALUATION);
    }

    @Test
    void aFindingKnownOnlyByTextNamingARashIsUntested() {
      HookRequest request = HookRequest.forAdult()
          .add("skinFindings", Fhir.skinFinding("skin-text", "petechiae", ago(ofHours(1))).code(Fhir.text("Red rash on both legs")));
      assertThat(outcome(request)).isEqualTo(Outcome.CHECK_BLANCHING);
    }

    @Test
    void neckStiffnessRecordedOnASecondFindingCounts() {
      HookRequest request = wellAfterVomiting()
          .add("skinFindings", Fhir.skinFinding("skin-2", "cherry-angioma", ago(ofHours(2))).symptom("neck-stiffness"));
      assertThat(outcome(request)).isEqualTo(Outcome.EMERGENCY_EVALUATION);
    }

    @Test
    void aTriggerOnAnOlderFindingDoesNotExplainANewerOne() {
      HookRequest request = wellAfterVomiting()
          .add("skinFindings", Fhir.skinFinding("skin-new", "petechiae", ago(ofMinutes(10))).extent("localized"));
      assertThat(outcome(request)).isEqualTo(Outcome.SAME_DAY_CBC);
    }

    /** Localised petechiae after vomiting with an associated symptom sent as text. */
    private static HookRequest withSymptomText(String text) {
      Fhir.SkinFinding finding = Fhir.skinFinding("skin-1", "petechiae", ago(ofHours(1))).blanches(false)
          .extent("localized").trigger("vomiting").symptomText(text);
      return HookRequest.forAdult().add("skinFindings", finding);
    }

    @Test
    void aCodedComponentSentAsTextIsMatchedByKeyword() {
      assertThat(outcome(withSymptomText("Neck stiffness since this morning"))).isEqualTo(Outcome.EMERGENCY_EVALUATION);
    }

    @Test
    void aNegatedSymptomSentAsTextIsNot() {
      Assessment assessment = assessBothWays(withSymptomText("denies neck stiffness"));
      assertThat(first(assessment).outcome()).isEqualTo(Outcome.WATCHFUL_WAITING);
      assertThat(assessment.unread()).extracting(DataGap::reason).containsExactly("unreadable-component");
    }

    @Test
    void aGlassTestThatCannotBeReadIsNamed() {
      ObjectNode finding = Fhir.skinFinding("skin-1", "red-skin-lesion", ago(ofHours(1))).json();
      ObjectNode blanches = finding.putArray("component").addObject();
      blanches.set("code", Fhir.concept(Fhir.COMPONENT, "blanches", null));
      blanches.put("valueString", "unsure");
      Assessment assessment = assessBothWays(HookRequest.forAdult().add("skinFindings", finding));
      assertThat(first(assessment).outcome()).isEqualTo(Outcome.CHECK_BLANCHING);
      assertThat(assessment.unread()).extracting(DataGap::reference).containsExactly("Observation/skin-1");
    }

    @Test
    void aSkinFindingWithAnUnknownCodeAndNoTextIsNamed() {
      HookRequest request = wellAfterVomiting().add("skinFindings",
          Fhir.skinFinding("skin-local", "petechiae", ago(ofHours(1))).code(Fhir.concept("urn:oid:1.2.3", "X17", null)));
      assertThat(assessBothWays(request).unread()).extracting(DataGap::reason).containsExactly("unknown-code");
    }
  }

  /** 5.5: a Condition's text only when it has no coding of a known system. */
  @Nested
  class Conditions {

    private ObjectNode condition(String id, ObjectNode code) {
      ObjectNode condition = Fhir.condition(id, "R50.9", "active", ago(ofHours(5)));
      condition.set("code", code);
      return condition;
    }

    @Test
    void hayFeverCodedJ301IsNotAFever() {
      ObjectNode code = Fhir.concept(Fhir.ICD10CM, "J30.1", "Allergic rhinitis due to pollen");
      code.put("text", "Fever");
      assertThat(outcome(wellAfterVomiting().add("conditions", condition("c-hay", code)))).isEqualTo(Outcome.WATCHFUL_WAITING);
    }

    @Test
    void aFeverKnownOnlyByTextCounts() {
      assertThat(outcome(wellAfterVomiting().add("conditions", condition("c-text", Fhir.text("Fever since yesterday")))))
          .isEqualTo(Outcome.EMERGENCY_EVALUATION);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"Hay fever", "No fever", "fever resolved"})
    void negatedOrExcludedTextIsNotAFever(String text) {
      assertThat(outcome(wellAfterVomiting().add("conditions", condition("c-text", Fhir.text(text)))))
          .isEqualTo(Outcome.WATCHFUL_WAITING);
    }

    @Test
    void aLocalCodeWithNoTextIsNamed() {
      Assessment assessment = assessBothWays(wellAfterVomiting()
          .add("conditions", condition("c-local", Fhir.concept("urn:oid:1.2.3", "F-17", null))));
      assertThat(assessment.unread()).extracting(DataGap::reason).containsExactly("unknown-code");
    }

    @Test
    void aKnownThrombocytopeniaOfAnyAgeMakesASameDayCbc() {
      ObjectNode itp = Fhir.condition("c-itp", "D69.3", "active", ago(ofDays(900)));
      assertThat(outcome(wellAfterVomiting().add("conditions", itp))).isEqualTo(Outcome.SAME_DAY_CBC);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"D69.41", "D69.59", "D69.6"})
    void theThrombocytopeniaCodesOfContractV2(String icd10) {
      assertThat(outcome(wellAfterVomiting().add("conditions", Fhir.condition("c-d69", icd10, "active", ago(ofDays(60))))))
          .isEqualTo(Outcome.SAME_DAY_CBC);
    }
  }

  /** 5.6: doNotPerform, stopped statements without an end date, aspirin at every dose. */
  @Nested
  class Medications {

    private static final ObjectNode ASPIRIN = Fhir.concept("http://www.nlm.nih.gov/research/umls/rxnorm", "1191", "aspirin");

    @Test
    void aRequestNotToGiveAspirinNeverCounts() {
      ObjectNode request = Fhir.medicationRequest("mr-1", "active", ASPIRIN.deepCopy()).put("doNotPerform", true);
      assertThat(outcome(wellAfterVomiting().add("medicationRequests", request))).isEqualTo(Outcome.WATCHFUL_WAITING);
    }

    @Test
    void aStoppedStatementWithoutAnyDateCountsAsRecent() {
      ObjectNode statement = Fhir.medicationStatement("ms-1", "stopped", ASPIRIN.deepCopy(), ago(ofDays(400)));
      statement.remove("effectivePeriod");
      Assessment assessment = assessBothWays(wellAfterVomiting().add("medicationStatements", statement));
      assertThat(first(assessment).outcome()).isEqualTo(Outcome.SAME_DAY_CBC);
      assertThat(assessment.contributingMedicines()).singleElement()
          .satisfies(m -> assertThat(m.stopped()).isTrue());
    }

    @Test
    void aStoppedStatementWithOnlyAStartIsHeldAgainstItsDateAsserted() {
      ObjectNode statement = Fhir.medicationStatement("ms-1", "completed", ASPIRIN.deepCopy(), ago(ofDays(400)))
          .put("dateAsserted", ago(ofDays(30)).toString());
      assertThat(outcome(wellAfterVomiting().add("medicationStatements", statement))).isEqualTo(Outcome.WATCHFUL_WAITING);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"N02BA01", "B01AC06", "N02BA51", "B01AC30"})
    void aspirinAtEveryDoseIsAnAntiplatelet(String atc) {
      ObjectNode drug = Fhir.concept("http://www.whocc.no/atc", atc, null);
      assertThat(outcome(wellAfterVomiting().add("medicationRequests", Fhir.medicationRequest("mr-1", "active", drug))))
          .isEqualTo(Outcome.SAME_DAY_CBC);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"ASA 81 mg daily, SAME_DAY_CBC", "aspirin free cold remedy, WATCHFUL_WAITING",
        "non-aspirin analgesic, WATCHFUL_WAITING", "no longer on aspirin, WATCHFUL_WAITING",
        "mesalazine (5-ASA) 800 mg, WATCHFUL_WAITING"})
    void medicineTextIsMatchedWithNegationAndExclusion(String text, Outcome expected) {
      assertThat(outcome(wellAfterVomiting().add("medicationRequests", Fhir.medicationRequest("mr-1", "active", Fhir.text(text)))))
          .isEqualTo(expected);
    }
  }

  /** 5 and 4: what could not be read is on the card, and never silently. */
  @Test
  void everyUnreadResourceCarriesItsKeyResourceAndReason() {
    Assessment assessment = assessBothWays(wellAfterVomiting()
        .add("temperatures", Fhir.temperature("temp-hot", 50, "Cel", ago(ofHours(1)))));
    assertThat(assessment.unread()).singleElement().satisfies(gap -> {
      assertThat(gap.key()).isEqualTo("temperatures");
      assertThat(gap.reference()).isEqualTo("Observation/temp-hot");
      assertThat(gap.dated()).map(d -> d.first()).isEqualTo(Optional.of(ago(ofHours(1))));
    });
  }
}
