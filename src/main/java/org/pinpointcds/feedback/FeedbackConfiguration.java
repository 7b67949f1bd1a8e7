package org.pinpointcds.feedback;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import org.pinpointcds.storage.BatchWriter;
import org.pinpointcds.storage.InOneTransaction;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/** Wires the card ledger and the feedback report onto the application's database. */
@Configuration(proxyBeanMethods = false)
class FeedbackConfiguration {

  @Bean
  static IssuedCardRepository issuedCardRepository(JdbcTemplate jdbc) {
    return new IssuedCardRepository(jdbc);
  }

  @Bean
  static FeedbackRepository feedbackRepository(JdbcClient jdbc, ObjectMapper mapper) {
    return new FeedbackRepository(jdbc, mapper);
  }

  /** A bean of its own, so that readiness sees whether it still writes. */
  @Bean
  static BatchWriter<IssuedCard> issuedCardWriter(IssuedCardRepository cards, PlatformTransactionManager transactions) {
    return BatchWriter.standard("issued-cards", InOneTransaction.writing(transactions, cards::insertAll));
  }

  @Bean
  static CardLedger cardLedger(BatchWriter<IssuedCard> issuedCardWriter, IssuedCardRepository cards,
      FeedbackRepository feedback, Clock clock) {
    return new CardLedger(issuedCardWriter, cards, feedback, clock);
  }

  @Bean
  static FeedbackReporter feedbackReporter(FeedbackRepository feedback, Clock clock) {
    return new FeedbackReporter(feedback, clock);
  }
}
