package org.pinpointcds.protocol;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import org.pinpointcds.testing.FuzzedCalls;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.pinpointcds.cards.Card;
import org.pinpointcds.data.InvalidPrefetchException;
import org.pinpointcds.data.MissingDataFetcher;
import org.pinpointcds.data.PrefetchListener;
import org.pinpointcds.data.RequiredDataUnavailableException;
import org.pinpointcds.testing.Await;
import org.pinpointcds.testing.ServiceParts;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * Whole hook-call bodies, mutated by Jazzer from the scenarios' requests (the inputs folder beside this class),
 * through what the controller runs: the parser, the data layer (a FHIR server that always fails), the triage, the
 * cards and the answer's JSON. A call may be refused only as the service refuses it, with a 400 or a 412 whose
 * message holds no stack trace; any other exception is a 500, and an input that takes longer than
 * {@link FuzzedCalls#PATIENCE_SECONDS} is a hang.
 *
 * <p>Every build ({@code mvn test}, {@code mvn verify}) replays the inputs and then fuzzes for a bounded number of
 * executions, in a JVM of its own (the {@code fuzz} execution in pom.xml). A longer run: {@code JAZZER_FUZZ=1 mvn test -Dtest=HookCallFuzzTests
 * -Djazzer.max_duration=30m -Djazzer.max_executions=0}; an input that fails is written into the inputs folder,
 * where it stays as a regression test.
 */
class HookCallFuzzTests {

  /** The scenarios' moment: their findings are recent, so the rules and the cards run on mutated data. */
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T09:00:00Z"), ZoneOffset.UTC);
  private static final ObjectMapper MAPPER = Jackson2ObjectMapperBuilder.json().build();
  private static final CdsRequestParser PARSER = new CdsRequestParser(MAPPER);
  /** An EHR's FHIR server that answers nothing: every key to fetch ends in a 412. */
  private static final MissingDataFetcher FAILING_SERVER = (access, queries) -> {
    Map<String, RequiredDataUnavailableException.Reason> reasons = new LinkedHashMap<>();
    queries.keySet().forEach(key -> reasons.put(key, new RequiredDataUnavailableException.Reason(
        RequiredDataUnavailableException.Cause.TIMEOUT, "the FHIR server did not answer")));
    return CompletableFuture.failedFuture(new RequiredDataUnavailableException(reasons));
  };
  private static final PetechiaeTriageHandler HANDLER = new PetechiaeTriageHandler(ServiceParts.DEFINITION,
      ServiceParts.reader(FAILING_SERVER, CLOCK), ServiceParts.triage(CLOCK), ServiceParts.renderer(),
      PrefetchListener.NONE);

  @DictionaryFile(resourcePath = FuzzedCalls.NUMBERS_DICTIONARY)
  @FuzzTest(maxDuration = "60s", maxExecutions = 100_000)
  void aHookCallNeverFailsUnexpectedly(byte[] body) throws Exception {
    FuzzedCalls.answeredOrRefused(() -> answer(body),
        List.of(ProtocolException.class, InvalidPrefetchException.class, RequiredDataUnavailableException.class));
  }

  /** The answer's bytes, as {@code CdsHooksController} makes them, or the exception it maps to a status. */
  private static byte[] answer(byte[] body) throws Exception {
    CdsRequest request = PARSER.parse(body);
    if (!ServiceParts.DEFINITION.hook().equals(request.hook())) {
      throw ProtocolException.badRequest("hook '" + request.hook() + "' is not answered here");
    }
    List<Card> cards = Await.value(HANDLER.handle(request));
    return MAPPER.writeValueAsBytes(new CdsResponse(cards));
  }
}
