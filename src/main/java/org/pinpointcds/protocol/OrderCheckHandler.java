package org.pinpointcds.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.pinpointcds.cards.Card;
import org.pinpointcds.cards.OrderCheckCardRenderer;
import org.pinpointcds.config.ServiceDefinition;
import org.pinpointcds.data.PatientDataReader;
import org.pinpointcds.data.PrefetchListener;
import org.pinpointcds.ordercheck.OrderAssessment;
import org.pinpointcds.ordercheck.OrderCheck;

/**
 * {@code antithrombotic-order-check} (order-sign) and {@code antithrombotic-order-check-select} (order-select): read
 * the patient's data with the call's draft orders, check them, render one card per order that triggers. The
 * order-select service answers from the same assessment, for the selected orders only (contract 6).
 */
public final class OrderCheckHandler implements CdsServiceHandler {

  static final String SELECTIONS = "selections";
  private static final String ORDER_SELECT = "order-select";

  private final ServiceDefinition definition;
  private final PatientDataReader reader;
  private final OrderCheck check;
  private final OrderCheckCardRenderer renderer;
  private final PrefetchListener listener;

  /** @param listener told what each call could not read that could change its answer (metrics) */
  public OrderCheckHandler(ServiceDefinition definition, PatientDataReader reader, OrderCheck check,
      OrderCheckCardRenderer renderer, PrefetchListener listener) {
    this.definition = definition;
    this.reader = reader;
    this.check = check;
    this.renderer = renderer;
    this.listener = listener;
  }

  @Override
  public String serviceId() {
    return definition.id();
  }

  @Override
  public boolean answers(String hook) {
    return definition.hook().equals(hook);
  }

  @Override
  public CompletableFuture<List<Card>> handle(CdsRequest request) {
    JsonNode draftOrders = draftOrders(request);
    Set<String> selected = ORDER_SELECT.equals(definition.hook()) ? selections(request) : null;
    return reader.read(definition.prefetch(), PetechiaeTriageHandler.dataRequest(request), draftOrders)
        .thenApply(snapshot -> {
          OrderAssessment assessment = check.assess(snapshot);
          listener.unread(assessment.unread());
          return renderer.render(selected == null ? assessment : assessment.forOrders(selected));
        });
  }

  private static JsonNode draftOrders(CdsRequest request) {
    JsonNode draftOrders = request.contextObjects().get(PatientDataReader.DRAFT_ORDERS);
    if (draftOrders == null || !draftOrders.isObject() || !"Bundle".equals(draftOrders.path("resourceType").asText())
        || !(draftOrders.path("entry").isMissingNode() || draftOrders.path("entry").isArray())) {
      throw ProtocolException.badRequest("'context.draftOrders' is required: a FHIR Bundle of the draft orders");
    }
    return draftOrders;
  }

  /** The selected orders as {@code Type/id}, whatever base URL the EHR puts before them. */
  private static Set<String> selections(CdsRequest request) {
    JsonNode selections = request.contextObjects().get(SELECTIONS);
    if (selections == null || !selections.isArray()) {
      throw ProtocolException.badRequest("'context.selections' is required for order-select: an array of the"
          + " references of the selected draft orders, e.g. [\"MedicationRequest/103\"]");
    }
    Set<String> references = new LinkedHashSet<>();
    for (JsonNode selection : selections) {
      if (!selection.isTextual()) {
        throw ProtocolException.badRequest("'context.selections' must hold references as strings");
      }
      String[] parts = selection.asText().split("/");
      references.add(parts.length < 2 ? selection.asText() : parts[parts.length - 2] + "/" + parts[parts.length - 1]);
    }
    return references;
  }
}
