package org.pinpointcds.protocol;

import jakarta.servlet.ServletRequest;
import java.util.List;
import java.util.Optional;
import org.pinpointcds.cards.Card;

/**
 * What the audit trail may learn of a service call: its ids once the request is read, and the topic of the most
 * urgent card once it is answered; nothing clinical beyond the patient id. The controller leaves it on the request.
 */
public record HookCallFacts(String hookInstance, String patientId, Optional<String> topTopic) {

  private static final String ATTRIBUTE = HookCallFacts.class.getName();

  public static Optional<HookCallFacts> of(ServletRequest request) {
    return Optional.ofNullable((HookCallFacts) request.getAttribute(ATTRIBUTE));
  }

  static void attachRequest(ServletRequest servletRequest, CdsRequest request) {
    servletRequest.setAttribute(ATTRIBUTE, new HookCallFacts(request.hookInstance(), request.patientId(), Optional.empty()));
  }

  /** Cards come most urgent first (contract, section 4). */
  static void attachAnswer(ServletRequest servletRequest, CdsRequest request, List<Card> cards) {
    servletRequest.setAttribute(ATTRIBUTE, new HookCallFacts(request.hookInstance(), request.patientId(),
        cards.stream().findFirst().map(card -> card.source().topic().code())));
  }
}
