package org.pinpointcds.data;

import static java.time.Duration.ofDays;
import static java.time.Duration.ofHours;
import static org.assertj.core.api.Assertions.assertThat;
import static org.pinpointcds.data.DataLayer.ago;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pinpointcds.testing.Fhir;
import org.pinpointcds.testing.HookRequest;
import org.pinpointcds.triage.Distribution;
import org.pinpointcds.triage.Extent;
import org.pinpointcds.triage.FindingComponents;
import org.pinpointcds.triage.FindingKind;
import org.pinpointcds.triage.LesionFeature;
import org.pinpointcds.triage.MechanicalTrigger;
import org.pinpointcds.triage.MucosalSite;
import org.pinpointcds.triage.SkinFinding;
import org.pinpointcds.triage.Symptom;

/** How a skin finding Observation (contract section 3.1) is read: its code and every component. */
class SkinFindingReaderTests {

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({"petechiae, NON_BLANCHING", "purpura, PURPURA", "non-blanching-rash, NON_BLANCHING",
      "cherry-angioma, BLANCHING", "telangiectasia, BLANCHING", "red-skin-lesion, UNCHARACTERISED"})
  void readsTheKindFromPinpointsCode(String code, FindingKind kind) {
    assertThat(read(Fhir.skinFinding("skin-1", code, ago(ofHours(1))))).extracting(SkinFinding::kind).containsExactly(kind);
  }

  @Test
  void matchesCodeTextByKeywordAsALastResort() {
    Fhir.SkinFinding finding = Fhir.skinFinding("skin-1", "petechiae", ago(ofHours(1))).code(Fhir.text("Petechiae on both shins"));
    assertThat(read(finding)).extracting(SkinFinding::kind).containsExactly(FindingKind.NON_BLANCHING);
  }

  @Test
  void aSitesOwnCodeWithPinpointComponentsIsAFindingItsGlassTestDecides() {
    Fhir.SkinFinding finding = Fhir.skinFinding("skin-1", "petechiae", ago(ofHours(1)))
        .code(Fhir.concept("https://ehr.example.org/codes", "RASH-7", null)).blanches(false);
    List<SkinFinding> findings = read(finding);
    assertThat(findings).extracting(SkinFinding::kind).containsExactly(FindingKind.UNCHARACTERISED);
    assertThat(findings.get(0).isNonBlanching()).isTrue();
  }

  @Test
  void anObservationThatIsNoSkinFindingIsIgnored() {
    Fhir.SkinFinding other = Fhir.skinFinding("obs-1", "petechiae", ago(ofHours(1)))
        .code(Fhir.concept(Fhir.LOINC, "8867-4", "Heart rate"));
    assertThat(read(other)).isEmpty();
  }

  @Test
  void readsEveryComponent() {
    Fhir.SkinFinding finding = Fhir.skinFinding("skin-1", "petechiae", ago(ofHours(1)))
        .blanches(false).spreading(true).onset(ago(ofDays(2))).extent("widespread").distribution("lower-legs")
        .maxDiameter(3, "mm").trigger("coughing").mucosal("conjunctiva").symptom("nosebleed").feature("scaly");
    FindingComponents c = read(finding).get(0).components();
    assertThat(c.blanches()).contains(false);
    assertThat(c.spreading()).isTrue();
    assertThat(c.onset()).contains(ago(ofDays(2)));
    assertThat(c.extents()).containsExactly(Extent.WIDESPREAD);
    assertThat(c.distributions()).containsExactly(Distribution.LOWER_LEGS);
    assertThat(c.maxDiameterMm()).contains(3.0);
    assertThat(c.triggers()).containsExactly(MechanicalTrigger.COUGHING);
    assertThat(c.mucosalSites()).containsExactly(MucosalSite.CONJUNCTIVA);
    assertThat(c.symptoms()).containsExactly(Symptom.NOSEBLEED);
    assertThat(c.lesionFeatures()).containsExactly(LesionFeature.SCALY);
  }

  @Test
  void repeatedComponentsAreAllKept() {
    Fhir.SkinFinding finding = Fhir.skinFinding("skin-1", "petechiae", ago(ofHours(1)))
        .symptom("fever").symptom("gum-bleeding").maxDiameter(1, "mm").maxDiameter(0.3, "cm");
    FindingComponents c = read(finding).get(0).components();
    assertThat(c.symptoms()).containsExactlyInAnyOrder(Symptom.FEVER, Symptom.GUM_BLEEDING);
    assertThat(c.maxDiameterMm()).contains(3.0);
  }

  @Test
  void ofTwoGlassTestsOneThatDidNotBlanchWins() {
    Fhir.SkinFinding finding = Fhir.skinFinding("skin-1", "red-skin-lesion", ago(ofHours(1))).blanches(true).blanches(false);
    assertThat(read(finding).get(0).components().blanches()).contains(false);
  }

  private static List<SkinFinding> read(Fhir.SkinFinding finding) {
    ObjectNode json = finding.json();
    return DataLayer.snapshot(HookRequest.forAdult().add("skinFindings", json)).skinFindings();
  }
}
