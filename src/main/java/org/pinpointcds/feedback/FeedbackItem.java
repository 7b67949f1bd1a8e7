package org.pinpointcds.feedback;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One feedback item as a CDS client sent it (CDS Hooks 2.0, Feedback), already validated.
 *
 * @param outcome {@code accepted} or {@code overridden}
 * @param overrideReasonSystem null when the item names no override reason; so are the code and comment
 */
public record FeedbackItem(
    String cardUuid,
    String outcome,
    List<String> acceptedSuggestionIds,
    String overrideReasonSystem,
    String overrideReasonCode,
    String overrideComment,
    OffsetDateTime outcomeTimestamp) {

  public FeedbackItem {
    acceptedSuggestionIds = List.copyOf(acceptedSuggestionIds);
  }
}
