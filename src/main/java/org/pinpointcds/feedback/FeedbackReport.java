package org.pinpointcds.feedback;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * Which cards clinicians accept, override or ignore, per card topic, for a clinical governance group. Counts
 * are of distinct cards; a card that got both outcomes counts in both. Rates are of the cards issued; what
 * neither accepted nor overridden were ignored (CDS Hooks sends no feedback for an ignored card). The topic
 * {@code unknown-card} holds feedback on cards Pinpoint has no record of issuing.
 */
public record FeedbackReport(Instant generatedAt, List<TopicFeedback> topics) {

  /** The topic of feedback on cards Pinpoint has no record of issuing. */
  public static final String UNKNOWN_CARD = "unknown-card";

  public FeedbackReport {
    topics = List.copyOf(topics);
  }

  /** The feedback on the cards of one topic; rates are null when no card of the topic was issued. */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record TopicFeedback(
      String topic,
      long cardsIssued,
      long cardsAccepted,
      long cardsOverridden,
      Double acceptanceRate,
      Double overrideRate,
      List<ReasonCount> overrideReasons) {

    public TopicFeedback {
      overrideReasons = List.copyOf(overrideReasons);
    }
  }

  /** An override reason code and how many overrides chose it; {@code unspecified} for a comment only. */
  public record ReasonCount(String code, long count) {}
}
