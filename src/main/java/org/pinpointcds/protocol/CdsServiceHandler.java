package org.pinpointcds.protocol;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.pinpointcds.cards.Card;

/** Answers the calls of one CDS service. */
public interface CdsServiceHandler {

  String serviceId();

  /** Whether a call of {@code hook} is one this service answers; any other is refused (400). */
  boolean answers(String hook);

  /**
   * @return the cards: completed at once when the call's prefetch holds all its data, later when some must be
   *     fetched from the EHR's FHIR server; failing as the call must be refused
   */
  CompletableFuture<List<Card>> handle(CdsRequest request);
}
