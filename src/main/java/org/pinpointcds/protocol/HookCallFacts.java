package org.pinpointcds.protocol;

import org.pinpointcds.endpoints.EndpointPaths;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.pinpointcds.cards.Card;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.util.UrlPathHelper;

/**
 * What the audit trail and the metrics may learn of a service call: its ids once the request is read, the topic and
 * indicator of each card once it is answered (most urgent first, contract section 4), or why its data could not be
 * obtained; nothing clinical beyond the patient id. The controller and the error answers leave it on the request.
 *
 * @param unavailable the causes of a 412 ({@code timeout}, {@code no-fhir-server}, ...); empty otherwise
 */
public record HookCallFacts(String hookInstance, String patientId, List<CardFacts> cards, Set<String> unavailable) {

  private static final String ATTRIBUTE = HookCallFacts.class.getName();
  private static final String SERVICE_ATTRIBUTE = ATTRIBUTE + ".service";
  private static final String SERVICE_PREFIX = EndpointPaths.CDS_SERVICES + "/";
  private static final UrlPathHelper PATHS = new UrlPathHelper();

  public HookCallFacts {
    cards = List.copyOf(cards);
    unavailable = Set.copyOf(unavailable);
  }

  /** One card of the answer, as far as operations may know it. */
  public record CardFacts(String topic, String indicator) {}

  public static Optional<HookCallFacts> of(ServletRequest request) {
    return Optional.ofNullable((HookCallFacts) request.getAttribute(ATTRIBUTE));
  }

  /** The topic of the most urgent card, when there is one. */
  public Optional<String> topTopic() {
    return cards.stream().findFirst().map(CardFacts::topic);
  }

  /**
   * What came of a call: the topic of its most urgent card, {@code no-cards}, or the HTTP status of an error. The
   * audit trail records it and the metrics count it.
   */
  public static String outcome(ServletRequest request, int status) {
    if (status != HttpStatus.OK.value()) {
      return String.valueOf(status);
    }
    return of(request).flatMap(HookCallFacts::topTopic).orElse("no-cards");
  }

  /**
   * The {@code id} of {@code POST /cds-services/{id}} as the path names it; empty for discovery and feedback. Read
   * from the path once per request: the audit trail and the metrics ask for it again.
   */
  @SuppressWarnings("unchecked")
  public static Optional<String> serviceCalled(HttpServletRequest request) {
    Object known = request.getAttribute(SERVICE_ATTRIBUTE);
    if (known == null) {
      known = serviceNamedBy(PATHS.getPathWithinApplication(request));
      request.setAttribute(SERVICE_ATTRIBUTE, known);
    }
    return (Optional<String>) known;
  }

  /** Whether the request is a service call, {@code POST /cds-services/{id}}. */
  public static boolean isHookCall(HttpServletRequest request) {
    return HttpMethod.POST.matches(request.getMethod()) && serviceCalled(request).isPresent();
  }

  private static Optional<String> serviceNamedBy(String path) {
    if (!path.startsWith(SERVICE_PREFIX)) {
      return Optional.empty();
    }
    String id = path.substring(SERVICE_PREFIX.length());
    return id.isEmpty() || id.contains("/") ? Optional.empty() : Optional.of(id);
  }

  static void attachRequest(ServletRequest servletRequest, CdsRequest request) {
    servletRequest.setAttribute(ATTRIBUTE, new HookCallFacts(request.hookInstance(), request.patientId(), List.of(),
        Set.of()));
  }

  static void attachAnswer(ServletRequest servletRequest, CdsRequest request, List<Card> cards) {
    servletRequest.setAttribute(ATTRIBUTE, new HookCallFacts(request.hookInstance(), request.patientId(),
        cards.stream().map(card -> new CardFacts(card.source().topic().code(), card.indicator().code())).toList(),
        Set.of()));
  }

  /** Adds the causes of a 412 to the facts of a request that was read. */
  static void attachUnavailable(ServletRequest servletRequest, Set<String> causes) {
    of(servletRequest).ifPresent(facts -> servletRequest.setAttribute(ATTRIBUTE,
        new HookCallFacts(facts.hookInstance(), facts.patientId(), facts.cards(), causes)));
  }
}
