package org.pinpointcds.protocol;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import org.pinpointcds.testing.FuzzedCalls;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * Bodies of {@code POST /cds-services/{id}/feedback}, mutated by Jazzer from the inputs folder beside this class,
 * read and checked as the controller does (storing them is the database's): accepted, or refused with a 400 whose
 * message holds no stack trace, within {@link FuzzedCalls#PATIENCE_SECONDS}. Run as {@link HookCallFuzzTests} is;
 * a longer run: {@code JAZZER_FUZZ=1 mvn test -Dtest=FeedbackFuzzTests -Djazzer.max_duration=10m
 * -Djazzer.max_executions=0}.
 */
class FeedbackFuzzTests {

  private static final CdsRequestParser PARSER = new CdsRequestParser(Jackson2ObjectMapperBuilder.json().build());

  @DictionaryFile(resourcePath = FuzzedCalls.NUMBERS_DICTIONARY)
  @FuzzTest(maxDuration = "30s", maxExecutions = 50_000)
  void feedbackNeverFailsUnexpectedly(byte[] body) throws Exception {
    FuzzedCalls.answeredOrRefused(() -> {
      JsonNode json = PARSER.readObject(body);
      FeedbackValidator.validate(json, 1000);
      return FeedbackItems.read(json);
    }, List.of(ProtocolException.class));
  }
}
