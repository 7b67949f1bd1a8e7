package org.pinpointcds.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.OptionalInt;
import org.pinpointcds.storage.StorableText;

/**
 * Checks a feedback body against CDS Hooks 2.0 (Feedback): {@code {"feedback":[...]}}, each item with a card
 * uuid, an outcome of accepted or overridden, an RFC 3339 timestamp, accepted suggestions when accepted
 * (cds-fb-2) and an override reason with a reason or a comment when given (cds-fb-3). No field may hold a
 * control character (the comment may hold line breaks and tabs): the item would be stored garbled, or on
 * PostgreSQL (a NUL) not at all, after the client was told it was.
 */
final class FeedbackValidator {

  /** A card uuid has 36 characters; the bound keeps the client's text within the stored unique key (varchar 128). */
  private static final int MAX_CARD_LENGTH = 128;

  private FeedbackValidator() {}

  /**
   * Returns the number of items; throws a 400 that names the first item and field at fault, or a 413 for more than
   * {@code maxItems} items (each is a row written before the call is answered).
   */
  static int validate(JsonNode body, int maxItems) {
    JsonNode items = body.get("feedback");
    if (items == null || !items.isArray() || items.isEmpty()) {
      throw ProtocolException.badRequest("'feedback' must be a non-empty array");
    }
    if (items.size() > maxItems) {
      throw ProtocolException.tooLarge("'feedback' has " + items.size() + " items; at most " + maxItems
          + " are taken in one call (pinpoint.requests.max-feedback-items)");
    }
    for (int i = 0; i < items.size(); i++) {
      validateItem(items.get(i), "feedback[" + i + "]");
    }
    return items.size();
  }

  private static void validateItem(JsonNode item, String at) {
    if (!item.isObject()) {
      throw ProtocolException.badRequest(at + " must be a JSON object");
    }
    if (text(item, "card", at).length() > MAX_CARD_LENGTH) {
      throw ProtocolException.badRequest(at + ".card is longer than " + MAX_CARD_LENGTH + " characters");
    }
    String outcome = text(item, "outcome", at);
    if (!outcome.equals("accepted") && !outcome.equals("overridden")) {
      throw ProtocolException.badRequest(at + ".outcome must be 'accepted' or 'overridden', got '" + outcome + "'");
    }
    String timestamp = text(item, "outcomeTimestamp", at);
    try {
      OffsetDateTime.parse(timestamp);
    } catch (DateTimeParseException e) {
      throw ProtocolException.badRequest(at + ".outcomeTimestamp must be an RFC 3339 date-time, got '" + timestamp + "'");
    }
    if (outcome.equals("accepted")) {
      JsonNode accepted = item.get("acceptedSuggestions");
      if (accepted == null || !accepted.isArray() || accepted.isEmpty()) {
        throw ProtocolException.badRequest(at + ".acceptedSuggestions is required when the outcome is 'accepted'");
      }
      for (int i = 0; i < accepted.size(); i++) {
        text(accepted.get(i), "id", at + ".acceptedSuggestions[" + i + "]");
      }
    }
    JsonNode override = item.get("overrideReason");
    if (override != null && !override.isNull()) {
      JsonNode reason = override.get("reason");
      boolean hasReason = reason != null && reason.isObject();
      if (hasReason) {
        text(reason, "code", at + ".overrideReason.reason");
        text(reason, "system", at + ".overrideReason.reason");
      }
      JsonNode comment = override.path("userComment");
      if (!hasReason && !comment.isTextual()) {
        throw ProtocolException.badRequest(at + ".overrideReason needs a 'reason' or a 'userComment'");
      }
      if (comment.isTextual()) {
        refuseControlCharacter(StorableText.firstControlCharacterInFreeText(comment.asText()), comment.asText(),
            at + ".overrideReason.userComment");
      }
    }
  }

  private static String text(JsonNode node, String field, String at) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw ProtocolException.badRequest("missing required field '" + at + "." + field + "'");
    }
    refuseControlCharacter(StorableText.firstControlCharacter(value.asText()), value.asText(), at + "." + field);
    return value.asText();
  }

  private static void refuseControlCharacter(OptionalInt index, String text, String field) {
    if (index.isPresent()) {
      throw ProtocolException.badRequest(String.format("%s holds a control character (U+%04X) at position %d",
          field, (int) text.charAt(index.getAsInt()), index.getAsInt()));
    }
  }
}
