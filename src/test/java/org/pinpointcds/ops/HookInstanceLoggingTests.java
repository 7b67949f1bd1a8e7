package org.pinpointcds.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pinpointcds.testing.HookRequest;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.MediaType;

/**
 * The hook instance is the correlation id of every log line about a call (MDC {@code hookInstance}), and nothing
 * else of the call is: no token, no patient id, nothing clinical.
 */
class HookInstanceLoggingTests extends ObservedApplicationTest {

  private static final String TOKEN = "fhir-access-token-that-must-never-be-logged";

  private final Logger errorAnswers = (Logger) LoggerFactory.getLogger("org.pinpointcds.protocol.ErrorAnswers");
  private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

  @BeforeEach
  void listen() {
    lines.start();
    errorAnswers.addAppender(lines);
  }

  @AfterEach
  void stopListening() {
    errorAnswers.detachAppender(lines);
  }

  @Test
  void everyLineAboutACallCarriesItsHookInstanceAndNothingElseOfIt() throws Exception {
    HookRequest request = HookRequest.forAdult().without("plateletCounts");
    request.field("hookInstance", "3f2b7c1e-0a4d-4e1b-9d55-2f6c8a1b0c77")
        .field("fhirServer", "http://127.0.0.1:1")
        .json().putObject("fhirAuthorization").put("access_token", TOKEN).put("token_type", "Bearer")
        .put("expires_in", 300).put("scope", "user/*.read").put("subject", "pinpoint");

    int status = answer(post(SERVICE).contentType(MediaType.APPLICATION_JSON).content(request.toString())).getStatus();

    assertThat(status).isEqualTo(412);
    assertThat(lines.list).singleElement().satisfies(line -> {
      assertThat(line.getMDCPropertyMap()).containsExactly(
          org.assertj.core.api.Assertions.entry("hookInstance", "3f2b7c1e-0a4d-4e1b-9d55-2f6c8a1b0c77"));
      assertThat(line.getFormattedMessage()).contains("plateletCounts").doesNotContain(TOKEN)
          .doesNotContain(HookRequest.PATIENT_ID + "\"").doesNotContain("1980-03-15");
    });
    assertThat(MDC.get("hookInstance")).as("left on the thread after the call").isNull();
  }

  @Test
  void aHookInstanceThatIsNoIdIsNotCopiedIntoTheLog() throws Exception {
    HookRequest request = HookRequest.forAdult().without("plateletCounts");
    request.field("hookInstance", "line one\nforged line: patient 1980-03-15");

    mvc.perform(post(SERVICE).contentType(MediaType.APPLICATION_JSON).content(request.toString()));

    assertThat(lines.list).singleElement()
        .satisfies(line -> assertThat(line.getMDCPropertyMap()).containsEntry("hookInstance", "unloggable"));
  }
}
