package org.pinpointcds.feedback;

import java.time.Instant;
import org.pinpointcds.cards.Card;
import org.pinpointcds.storage.StorableText;

/** A card as Pinpoint issued it: enough to tie later feedback to the card's topic, nothing clinical. */
record IssuedCard(String uuid, String serviceId, String hookInstance, String topic, String indicator, Instant issuedAt) {

  static IssuedCard of(String serviceId, String hookInstance, Card card, Instant issuedAt) {
    return new IssuedCard(card.uuid(), serviceId, StorableText.escaped(hookInstance), card.source().topic().code(), card.indicator().code(),
        issuedAt);
  }
}
