package org.pinpointcds.protocol;

import java.util.Set;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.pinpointcds.cards.Card;
import org.pinpointcds.cards.CardRenderer;
import org.pinpointcds.config.ServiceDefinition;
import org.pinpointcds.data.FhirAccess;
import org.pinpointcds.data.PatientDataReader;
import org.pinpointcds.data.PatientDataRequest;
import org.pinpointcds.data.PrefetchListener;
import org.pinpointcds.triage.Assessment;
import org.pinpointcds.triage.Triage;

/** {@code petechiae-triage}: read the patient's data, triage it, render the cards. */
public final class PetechiaeTriageHandler implements CdsServiceHandler {

  private static final Set<String> ORDER_HOOKS = Set.of("order-sign", "order-select");

  private final ServiceDefinition definition;
  private final PatientDataReader reader;
  private final Triage triage;
  private final CardRenderer renderer;
  private final PrefetchListener listener;

  /** @param listener told what each call could not read that could change its triage (metrics) */
  public PetechiaeTriageHandler(ServiceDefinition definition, PatientDataReader reader, Triage triage,
      CardRenderer renderer, PrefetchListener listener) {
    this.definition = definition;
    this.reader = reader;
    this.triage = triage;
    this.renderer = renderer;
    this.listener = listener;
  }

  @Override
  public String serviceId() {
    return definition.id();
  }

  /**
   * Its own hook, and the order hooks: the triage reads only the patient, whom their contexts name as well, so an EHR
   * may ask for it at order time too.
   */
  @Override
  public boolean answers(String hook) {
    return definition.hook().equals(hook) || ORDER_HOOKS.contains(hook);
  }

  @Override
  public CompletableFuture<List<Card>> handle(CdsRequest request) {
    return reader.read(definition.prefetch(), dataRequest(request))
        .thenApply(snapshot -> {
          Assessment assessment = triage.assess(snapshot);
          listener.unread(assessment.unread());
          return renderer.render(assessment);
        });
  }

  public static PatientDataRequest dataRequest(CdsRequest request) {
    return new PatientDataRequest(
        request.patientId(),
        PrefetchTokens.of(request.context()),
        request.prefetch(),
        request.fhirServer().map(server -> new FhirAccess(server, request.accessToken())));
  }
}
