package org.pinpointcds.feedback;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.pinpointcds.cards.Card;
import org.pinpointcds.storage.BatchWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The record of cards issued and of the feedback on them. Issued cards are written off the request thread (the
 * hook path stays fast); feedback is written before it is acknowledged, so an acknowledged item is durable.
 *
 * <p>Feedback on a card Pinpoint has no record of issuing is accepted and stored with no topic, rather than
 * answered 404: the card's record may have been dropped from a full queue, or been issued by another instance
 * whose queue has not been written yet, and a client that gets a 404 may retry forever. The report resolves
 * such a topic later, once the card's record is there, and otherwise counts it as {@code unknown-card}.
 */
public final class CardLedger implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(CardLedger.class);

  private final BatchWriter<IssuedCard> issuedCards;
  private final IssuedCardRepository cards;
  private final FeedbackRepository feedback;
  private final Clock clock;

  CardLedger(BatchWriter<IssuedCard> issuedCards, IssuedCardRepository cards, FeedbackRepository feedback, Clock clock) {
    this.issuedCards = issuedCards;
    this.cards = cards;
    this.feedback = feedback;
    this.clock = clock;
  }

  /** Queues the cards of one answer; never blocks. */
  public void issued(String serviceId, String hookInstance, List<Card> answer) {
    Instant now = clock.instant();
    answer.forEach(card -> issuedCards.offer(IssuedCard.of(serviceId, hookInstance, card, now)));
  }

  /** Stores each item once, with the calling client's id; a redelivered item is recognised by its card, outcome and timestamp and skipped. */
  public void received(String serviceId, String client, List<FeedbackItem> items) {
    issuedCards.flush(); // the cards answered may still be queued
    Instant now = clock.instant();
    int stored = 0;
    int unknown = 0;
    for (FeedbackItem item : items) {
      Optional<String> topic = cards.topicOf(serviceId, item.cardUuid());
      if (feedback.insert(new ReceivedFeedback(serviceId, item, topic.orElse(null), client, now))) {
        stored++;
        unknown += topic.isEmpty() ? 1 : 0;
      }
    }
    log.info("feedback to {} from {}: {} item(s), {} new, {} on cards not issued by this instance", serviceId,
        client, items.size(), stored, unknown);
  }

  @Override
  public void close() {
    issuedCards.close();
  }
}
