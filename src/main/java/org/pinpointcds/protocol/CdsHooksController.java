package org.pinpointcds.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.pinpointcds.cards.Card;
import org.pinpointcds.config.RequestProperties;
import org.pinpointcds.config.ServiceCatalog;
import org.pinpointcds.config.ServiceDefinition;
import org.pinpointcds.endpoints.EndpointPaths;
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


  private final ServiceCatalog catalog;
  private final Map<String, CdsServiceHandler> handlers;
  private final CdsRequestParser parser;
  private final CardLedger ledger;
  private final int maxFeedbackItems;

  public CdsHooksController(ServiceCatalog catalog, List<CdsServiceHandler> handlers, ObjectMapper mapper,
      CardLedger ledger, RequestProperties limits) {
    this.catalog = catalog;
    this.maxFeedbackItems = limits.maxFeedbackItems();
    this.ledger = ledger;
    this.handlers = handlers.stream().collect(Collectors.toMap(CdsServiceHandler::serviceId, Function.identity()));
    this.parser = new CdsRequestParser(mapper);
    catalog.all().forEach(definition -> {
      if (!this.handlers.containsKey(definition.id())) {
        throw new IllegalStateException("no handler for the service defined as " + definition.id());
      }
    });
  }

  @GetMapping(EndpointPaths.CDS_SERVICES)
  public Discovery discovery() {
    return new Discovery(catalog.all().stream()
        .map(d -> new Discovery.Service(d.hook(), d.title(), d.description(), d.id(), d.prefetch()))
        .toList());
  }

  /**
   * A service call: the answer's future, completed when the prefetch held all the call's data, else when the EHR's
   * FHIR server has answered ({@link CompletedAnswerHandler} writes it either way).
   */
  @PostMapping(path = EndpointPaths.CDS_SERVICES + "/{id}", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/fhir+json", "application/*+json"})
  public CompletableFuture<CdsResponse> call(@PathVariable String id, HttpServletRequest servletRequest)
      throws IOException {
    ServiceDefinition definition = catalog.find(id).orElseThrow(() -> ProtocolException.unknownService(id));
    CdsRequest request = parser.parse(servletRequest.getInputStream());
    HookCallFacts.attachRequest(servletRequest, request);
    HookInstanceLogging.tag(request.hookInstance());
    if (!handlers.get(id).answers(request.hook())) {
      throw ProtocolException.badRequest("hook '" + request.hook() + "' does not match service '" + id
          + "', which answers '" + definition.hook() + "'");
    }
    return handlers.get(id).handle(request).thenApply(cards -> {
      ledger.issued(id, request.hookInstance(), cards);
      HookCallFacts.attachAnswer(servletRequest, request, cards);
      return new CdsResponse(cards);
    });
  }

  @PostMapping(path = EndpointPaths.CDS_SERVICES + "/{id}/feedback", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/fhir+json", "application/*+json"})
  public ResponseEntity<Void> feedback(@PathVariable String id, @RequestBody(required = false) byte[] body,
      HttpServletRequest servletRequest) {
    catalog.find(id).orElseThrow(() -> ProtocolException.unknownService(id));
    JsonNode json = parser.readObject(body);
    FeedbackValidator.validate(json, maxFeedbackItems);
    ledger.received(id, CallingClient.of(servletRequest).id(), FeedbackItems.read(json));
    return ResponseEntity.ok().build();
  }
}
