package org.pinpointcds.bench.floor;

import org.pinpointcds.protocol.CdsRequestParser;
import org.pinpointcds.protocol.CdsResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.pinpointcds.cards.Card;
import org.pinpointcds.cards.Coding;
import org.pinpointcds.cards.Indicator;
import org.pinpointcds.cards.Source;
import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /benchmark/floor}, in the {@code benchmark} profile only: the floor the load test measures the
 * service against, on the same HTTP stack and in the same run. It reads the body into a Jackson tree, as every
 * hook call must (a body that is not a JSON object is a 400, as there), and answers one fixed card; what Pinpoint does beyond that is its own cost.
 */
@RestController
@Profile("benchmark")
public class BenchmarkFloorController {

  public static final String PATH = "/benchmark/floor";
  private static final CdsResponse FIXED = new CdsResponse(List.of(new Card("00000000-0000-4000-8000-000000000000",
      "Benchmark floor: a fixed card", "The body was read into a JSON tree and not used.", Indicator.INFO,
      new Source("Pinpoint benchmark", null, new Coding("https://pinpoint-cds.org/fhir/CodeSystem/triage-outcome",
          "watchful-waiting", "watchful-waiting")), List.of(), null, List.of())));

  private final CdsRequestParser parser;

  BenchmarkFloorController(ObjectMapper mapper) {
    this.parser = new CdsRequestParser(mapper);
  }

  @PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE)
  CdsResponse floor(@RequestBody(required = false) byte[] body) {
    parser.readObject(body);
    return FIXED;
  }
}
