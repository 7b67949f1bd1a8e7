package org.pinpointcds.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.pinpointcds.cards.Card;
import org.pinpointcds.config.ServiceCatalog;
import org.pinpointcds.config.ServiceDefinition;
import org.pinpointcds.concurrent.Futures;
import org.pinpointcds.feedback.CardLedger;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The CDS Hooks 2.0 endpoints: discovery, service calls and feedback. Routes and status codes; the cards issued
 * and the feedback received go to the ledger.
 */
@RestController
public class CdsHooksController {

  public static final String BASE = "/cds-services";

  private final ServiceCatalog catalog;
  private final Map<String, CdsServiceHandler> handlers;
  private final CdsRequestParser parser;
  private final AnswerWriter writer;
  private final CardLedger ledger;

  public CdsHooksController(ServiceCatalog catalog, List<CdsServiceHandler> handlers, ObjectMapper mapper,
      CardLedger ledger) {
    this.catalog = catalog;
    this.ledger = ledger;
    this.handlers = handlers.stream().collect(Collectors.toMap(CdsServiceHandler::serviceId, Function.identity()));
    this.parser = new CdsRequestParser(mapper);
    this.writer = new AnswerWriter(mapper);
    catalog.all().forEach(definition -> {
      if (!this.handlers.containsKey(definition.id())) {
        throw new IllegalStateException("no handler for the service defined as " + definition.id());
      }
    });
  }

  @GetMapping(BASE)
  public Discovery discovery() {
    return new Discovery(catalog.all().stream()
        .map(d -> new Discovery.Service(d.hook(), d.title(), d.description(), d.id(), d.prefetch()))
        .toList());
  }

  /**
   * A service call. When the prefetch holds all the call's data, writes the answer at once and returns nothing.
   * Otherwise returns the answer's future, which Spring MVC answers asynchronously (Servlet async): the request
   * thread goes back to the pool while the EHR's FHIR server answers, so that a small pool keeps serving calls even
   * while a FHIR server stalls.
   *
   * @return {@code null} (answered), or a {@code CompletableFuture<CdsResponse>}
   */
  @PostMapping(path = BASE + "/{id}", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/fhir+json", "application/*+json"})
  public CompletableFuture<CdsResponse> call(@PathVariable String id, HttpServletRequest servletRequest,
      HttpServletResponse servletResponse) throws IOException {
    ServiceDefinition definition = catalog.find(id).orElseThrow(() -> ProtocolException.unknownService(id));
    CdsRequest request = parser.parse(servletRequest.getInputStream());
    HookCallFacts.attachRequest(servletRequest, request);
    HookInstanceLogging.tag(request.hookInstance());
    if (!handlers.get(id).answers(request.hook())) {
      throw ProtocolException.badRequest("hook '" + request.hook() + "' does not match service '" + id
          + "', which answers '" + definition.hook() + "'");
    }
    CompletableFuture<CdsResponse> answer = handlers.get(id).handle(request).thenApply(cards -> {
      ledger.issued(id, request.hookInstance(), cards);
      HookCallFacts.attachAnswer(servletRequest, request, cards);
      return new CdsResponse(cards);
    });
    if (!answer.isDone()) {
      return answer;
    }
    writer.write(Futures.valueOf(answer), servletResponse);
    return null;
  }

  @PostMapping(path = BASE + "/{id}/feedback", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/fhir+json", "application/*+json"})
  public ResponseEntity<Void> feedback(@PathVariable String id, @RequestBody(required = false) byte[] body,
      HttpServletRequest servletRequest) {
    catalog.find(id).orElseThrow(() -> ProtocolException.unknownService(id));
    JsonNode json = parser.readObject(body);
    FeedbackValidator.validate(json);
    ledger.received(id, CallingClient.of(servletRequest).id(), FeedbackItems.read(json));
    return ResponseEntity.ok().build();
  }
}
