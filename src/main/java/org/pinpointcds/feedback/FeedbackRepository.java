package org.pinpointcds.feedback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.pinpointcds.storage.Timestamps;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Table {@code card_feedback}, and the counts the feedback report is made of (view {@code feedback_by_topic}). */
final class FeedbackRepository {

  /** The report's name for feedback on cards Pinpoint never issued. */
  static final String UNKNOWN_CARD = FeedbackReport.UNKNOWN_CARD;
  /** The report's name for an override that gave only a comment. */
  static final String NO_REASON_CODE = "unspecified";

  // Literals, not parameters: PostgreSQL matches a GROUP BY expression to the select list by its text.
  private static final String TOPIC = "coalesce(card_topic, '" + UNKNOWN_CARD + "')";
  private static final String REASON = "coalesce(override_reason_code, '" + NO_REASON_CODE + "')";
  private static final RowMapper<Count> COUNT = (row, n) -> new Count(row.getString(1), row.getString(2), row.getLong(3));

  private final JdbcClient jdbc;
  private final ObjectMapper mapper;

  FeedbackRepository(JdbcClient jdbc, ObjectMapper mapper) {
    this.jdbc = jdbc;
    this.mapper = mapper;
  }

  /** False when the same item was stored before (a redelivery). */
  boolean insert(ReceivedFeedback feedback) {
    FeedbackItem item = feedback.item();
    try {
      jdbc.sql("insert into card_feedback (service_id, card_uuid, outcome, accepted_suggestions, override_reason_system,"
              + " override_reason_code, override_comment, outcome_timestamp, received_at, topic, client)"
              + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
          .params(feedback.serviceId(), item.cardUuid(), item.outcome(), json(item.acceptedSuggestionIds()),
              item.overrideReasonSystem(), item.overrideReasonCode(), item.overrideComment(), item.outcomeTimestamp(),
              Timestamps.utc(feedback.receivedAt()), feedback.topic(), feedback.client())
          .update();
      return true;
    } catch (DuplicateKeyException e) {
      return false;
    }
  }

  /** Per topic, per outcome: how many distinct cards got that outcome. */
  List<Count> cardsByTopicAndOutcome() {
    return jdbc.sql("select " + TOPIC + ", outcome, count(distinct card_uuid) from feedback_by_topic"
        + " group by " + TOPIC + ", outcome").query(COUNT).list();
  }

  /** Per topic, per override reason code: how many override items chose it. */
  List<Count> overrideReasonsByTopic() {
    return jdbc.sql("select " + TOPIC + ", " + REASON + ", count(*) from feedback_by_topic"
        + " where outcome = 'overridden' group by " + TOPIC + ", " + REASON).query(COUNT).list();
  }

  /** Per topic: how many cards were issued. */
  List<Count> cardsIssuedByTopic() {
    return jdbc.sql("select topic, 'issued', count(*) from issued_card group by topic").query(COUNT).list();
  }

  /** One row of a count: the topic, what was counted (an outcome, a reason code) and how many. */
  record Count(String topic, String what, long count) {}

  private String json(List<String> ids) {
    try {
      return ids.isEmpty() ? null : mapper.writeValueAsString(ids);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("suggestion ids cannot be written as JSON", e);
    }
  }
}
