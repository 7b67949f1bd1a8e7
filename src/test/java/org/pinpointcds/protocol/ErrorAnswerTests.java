package org.pinpointcds.protocol;

import org.pinpointcds.bench.floor.BenchmarkFloorController;
import org.pinpointcds.testing.CdsCalls;
import org.pinpointcds.endpoints.EndpointPaths;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;
import org.pinpointcds.testing.Fhir;
import org.pinpointcds.testing.HookRequest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every malformed or unanswerable call gets its status with an OperationOutcome that says what is wrong
 * (contract section 1): never a 500, never a stack trace.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ErrorAnswerTests {

  @LocalServerPort
  int port;

  @Test
  void malformedJsonIs400() {
    assertError(post("{\"hook\": \"patient-view\", "), 400, "not valid JSON");
  }

  @Test
  void theLoadTestsFloorIsNotThereOutsideTheBenchmarkProfile() {
    assertThat(new CdsCalls(port).post(BenchmarkFloorController.PATH, CdsCalls.JSON, "{}").status()).isEqualTo(404);
  }

  @Test
  void anEmptyBodyIs400() {
    assertError(post(""), 400, "empty");
  }

  @Test
  void missingHookIs400() {
    assertError(triage(HookRequest.forAdult().field("hook", (String) null)), 400, "'hook'");
  }

  @Test
  void missingHookInstanceIs400() {
    assertError(triage(HookRequest.forAdult().field("hookInstance", (String) null)), 400, "'hookInstance'");
  }

  @Test
  void missingPatientIdIs400() {
    HookRequest request = HookRequest.forAdult();
    request.context().remove("patientId");
    assertError(triage(request), 400, "'context.patientId'");
  }

  @Test
  void missingContextIs400() {
    assertError(triage(HookRequest.forAdult().field("context", (String) null)), 400, "'context'");
  }

  @Test
  void aHookTheServiceDoesNotAnswerIs400() {
    assertError(triage(HookRequest.forAdult().field("hook", "encounter-start")), 400, "encounter-start");
  }

  /** The order hooks' context names the patient too: the triage answers them as it answers patient-view. */
  @Test
  void theTriageAnswersAnOrderSignCall() {
    assertThat(triage(HookRequest.forAdult().field("hook", "order-sign")).status()).isEqualTo(200);
  }

  @Test
  void aPrefetchValueThatIsNotAResourceIs400() {
    HookRequest request = HookRequest.forAdult().prefetch("skinFindings", JsonNodeFactory.instance.textNode("none"));
    assertError(triage(request), 400, "skinFindings");
  }

  @Test
  void fhirAuthorizationWithoutFhirServerIs400() {
    JsonNode authorization = JsonNodeFactory.instance.objectNode()
        .put("access_token", "secret-token-123").put("token_type", "Bearer").put("expires_in", 300)
        .put("scope", "patient/*.read").put("subject", "pinpoint");
    CdsCalls.Answer answer = triage(HookRequest.forAdult().field("fhirAuthorization", authorization));
    assertError(answer, 400, "fhirServer");
    assertThat(answer.body()).doesNotContain("secret-token-123");
  }

  @Test
  void anUnknownServiceIs404() {
    CdsCalls.Answer answer = calls().post(EndpointPaths.CDS_SERVICES + "/no-such-service", CdsCalls.JSON,
        HookRequest.forAdult().toString());
    assertError(answer, 404, "no-such-service");
  }

  @Test
  void aWrongContentTypeIs415() {
    CdsCalls.Answer answer = calls().post(CdsCalls.TRIAGE, "text/plain", HookRequest.forAdult().toString());
    assertError(answer, 415, "text/plain");
  }

  @Test
  void aMissingQueryParameterIs400NamingIt() {
    // The sandbox page's token endpoint requires ?path=; Spring MVC refuses the request before the handler runs.
    assertError(calls().post("/sandbox/token", CdsCalls.JSON, "{}"), 400, "path");
  }

  @Test
  void anAcceptThatCannotBeMetIs406() {
    assertError(calls().get(EndpointPaths.CDS_SERVICES, "application/xml"), 406, "Acceptable");
  }

  @Test
  void aMissingKeyWithoutFhirServerIs412NamingTheKey() {
    assertError(triage(HookRequest.forAdult().without("plateletCounts")), 412, "plateletCounts");
  }

  @Test
  void aFailedPrefetchWithoutFhirServerIs412NamingTheKey() {
    HookRequest request = HookRequest.forAdult().prefetch("medicationRequests", Fhir.operationOutcome("EHR search timed out"));
    assertError(triage(request), 412, "medicationRequests");
  }

  @Test
  void theErrorPageCalledDirectlyIs404() {
    assertError(calls().get("/error"), 404, "no such endpoint");
  }

  @Test
  void headersLargerThanTomcatReadsAre400AsAnOperationOutcomeNotTomcatsPage() {
    CdsCalls.Answer answer = calls().getWithHeader(EndpointPaths.CDS_SERVICES, "X-Padding", "x".repeat(20_000));
    assertError(answer, 400, "Bad Request");
    assertThat(answer.body()).doesNotContain("<html", "Tomcat");
  }

  @Test
  void aTokenLargerThanTomcatReadsIs400AsAnOperationOutcome() {
    assertError(calls().getWithHeader(EndpointPaths.CDS_SERVICES, "Authorization", "Bearer " + "e".repeat(20_000)), 400,
        "Bad Request");
  }

  private CdsCalls calls() {
    return new CdsCalls(port);
  }

  private CdsCalls.Answer triage(HookRequest request) {
    return calls().triage(request);
  }

  private CdsCalls.Answer post(String body) {
    return calls().post(CdsCalls.TRIAGE, CdsCalls.JSON, body);
  }

  static void assertError(CdsCalls.Answer answer, int status, String mentions) {
    assertThat(answer.status()).as("status of %s", answer).isEqualTo(status);
    JsonNode outcome = answer.json();
    assertThat(outcome.path("resourceType").asText()).isEqualTo("OperationOutcome");
    assertThat(outcome.path("issue").get(0).path("severity").asText()).isEqualTo("error");
    assertThat(outcome.toString()).as("says what is wrong").contains(mentions);
    assertThat(answer.body()).as("no stack trace").doesNotContain("Exception", "\tat ", "at org.", "at java.");
  }
}
