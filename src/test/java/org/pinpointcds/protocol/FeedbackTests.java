package org.pinpointcds.protocol;

import org.pinpointcds.testing.CdsCalls;
import org.pinpointcds.endpoints.EndpointPaths;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code POST /cds-services/{id}/feedback} (CDS Hooks 2.0, Feedback). */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class FeedbackTests {

  private static final String FEEDBACK = CdsCalls.TRIAGE + "/feedback";
  private static final String ACCEPTED = """
      {"feedback": [{"card": "9368d37b-283f-44a0-93ea-547cebab93ed", "outcome": "accepted",
        "acceptedSuggestions": [{"id": "e56e1945-20b3-4393-8503-a1a20fd73152"}],
        "outcomeTimestamp": "2026-11-20T09:05:00Z"}]}""";
  private static final String OVERRIDDEN = """
      {"feedback": [{"card": "9368d37b-283f-44a0-93ea-547cebab93ed", "outcome": "overridden",
        "overrideReason": {"reason": {"system": "https://pinpoint-cds.org/fhir/CodeSystem/override-reason",
          "code": "already-assessed"}, "userComment": "seen this morning"},
        "outcomeTimestamp": "2026-11-20T09:05:00Z"}]}""";

  @LocalServerPort
  int port;

  @Test
  void acceptedFeedbackIs200() {
    assertThat(post(FEEDBACK, ACCEPTED).status()).isEqualTo(200);
  }

  @Test
  void overriddenFeedbackWithAReasonIs200() {
    assertThat(post(FEEDBACK, OVERRIDDEN).status()).isEqualTo(200);
  }

  @Test
  void acceptedFeedbackWithoutTheAcceptedSuggestionsIs400() {
    String body = ACCEPTED.replaceAll("\"acceptedSuggestions\": \\[[^]]*],", "");
    ErrorAnswerTests.assertError(post(FEEDBACK, body), 400, "acceptedSuggestions");
  }

  @Test
  void feedbackWithAnUnknownOutcomeIs400() {
    ErrorAnswerTests.assertError(post(FEEDBACK, ACCEPTED.replace("\"accepted\"", "\"ignored\"")), 400, "ignored");
  }

  @Test
  void feedbackWithoutItemsIs400() {
    ErrorAnswerTests.assertError(post(FEEDBACK, "{\"feedback\": []}"), 400, "feedback");
  }

  /** PostgreSQL cannot store a NUL: the client is told so (400), never told the item was stored when it was not. */
  @Test
  void aNulInTheCommentIs400NamingTheField() {
    String body = OVERRIDDEN.replace("seen this morning", "seen this\\u0000 morning");

    ErrorAnswerTests.assertError(post(FEEDBACK, body), 400, "feedback[0].overrideReason.userComment");
  }

  @Test
  void aControlCharacterInTheCardIs400NamingTheField() {
    ErrorAnswerTests.assertError(post(FEEDBACK, ACCEPTED.replace("547cebab93ed", "547cebab93ed\\u001b")), 400,
        "feedback[0].card");
  }

  @Test
  void aCommentOnSeveralLinesIs200() {
    assertThat(post(FEEDBACK, OVERRIDDEN.replace("seen this morning", "seen this morning\\r\\n\\tCBC normal")).status())
        .isEqualTo(200);
  }

  @Test
  void moreItemsThanOneCallTakesIs413NamingTheLimit() {
    String item = ACCEPTED.substring(ACCEPTED.indexOf('{', 1), ACCEPTED.lastIndexOf(']'));
    String body = "{\"feedback\": [" + String.join(",", Collections.nCopies(1001, item)) + "]}";
    ErrorAnswerTests.assertError(post(FEEDBACK, body), 413, "at most 1000");
  }

  @Test
  void feedbackForAnUnknownServiceIs404() {
    ErrorAnswerTests.assertError(post(EndpointPaths.CDS_SERVICES + "/no-such-service/feedback", ACCEPTED), 404,
        "no-such-service");
  }

  private CdsCalls.Answer post(String path, String body) {
    return new CdsCalls(port).post(path, CdsCalls.JSON, body);
  }
}
