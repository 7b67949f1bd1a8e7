package org.pinpointcds.feedback;

import java.util.List;
import java.util.Optional;
import org.pinpointcds.storage.Timestamps;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Table {@code issued_card}. */
final class IssuedCardRepository {

  private final JdbcTemplate jdbc;
  private final JdbcClient client;

  IssuedCardRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.client = JdbcClient.create(jdbc);
  }

  void insertAll(List<IssuedCard> cards) {
    jdbc.batchUpdate("insert into issued_card (uuid, service_id, hook_instance, topic, indicator, issued_at)"
        + " values (?, ?, ?, ?, ?, ?)", cards, cards.size(), (statement, card) -> {
          statement.setString(1, card.uuid());
          statement.setString(2, card.serviceId());
          statement.setString(3, card.hookInstance());
          statement.setString(4, card.topic());
          statement.setString(5, card.indicator());
          statement.setObject(6, Timestamps.utc(card.issuedAt()));
        });
  }

  Optional<String> topicOf(String serviceId, String cardUuid) {
    return client.sql("select topic from issued_card where service_id = ? and uuid = ?")
        .params(serviceId, cardUuid).query(String.class).optional();
  }
}
