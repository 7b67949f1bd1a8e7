package org.pinpointcds.feedback;

import java.util.List;
import org.pinpointcds.cards.Card;
import org.pinpointcds.cards.Coding;
import org.pinpointcds.cards.Indicator;
import org.pinpointcds.cards.Source;

/** Cards as the renderer makes them, reduced to what the ledger reads: uuid, topic, indicator. */
final class CardsForTests {

  private CardsForTests() {}

  static Card card(String uuid, String topic) {
    return new Card(uuid, "A card about " + topic, null, Indicator.WARNING,
        new Source("Pinpoint", null, new Coding("https://pinpoint-cds.org/fhir/CodeSystem/triage-outcome", topic, null)),
        List.of(), null, List.of());
  }
}
