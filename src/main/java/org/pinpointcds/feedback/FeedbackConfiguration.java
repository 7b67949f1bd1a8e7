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

  @Bean
  static CardLedger cardLedger(IssuedCardRepository cards, FeedbackRepository feedback, Clock clock,
      PlatformTransactionManager transactions) {
    return new CardLedger(BatchWriter.standard("issued-cards", InOneTransaction.writing(transactions, cards::insertAll)),
        cards, feedback, clock);
  }

  @Bean
  static FeedbackReporter feedbackReporter(FeedbackRepository feedback, Clock clock) {
    return new FeedbackReporter(feedback, clock);
  }
}
