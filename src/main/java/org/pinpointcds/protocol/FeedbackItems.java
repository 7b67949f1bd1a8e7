package org.pinpointcds.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.pinpointcds.feedback.FeedbackItem;

/** Reads the items of a feedback body that {@link FeedbackValidator} has accepted. */
final class FeedbackItems {

  private FeedbackItems() {}

  static List<FeedbackItem> read(JsonNode body) {
    List<FeedbackItem> items = new ArrayList<>();
    body.get("feedback").forEach(item -> {
      List<String> accepted = new ArrayList<>();
      item.path("acceptedSuggestions").forEach(suggestion -> accepted.add(suggestion.get("id").asText()));
      JsonNode override = item.path("overrideReason");
      items.add(new FeedbackItem(
          item.get("card").asText(),
          item.get("outcome").asText(),
          accepted,
          textOrNull(override.path("reason").path("system")),
          textOrNull(override.path("reason").path("code")),
          textOrNull(override.path("userComment")),
          OffsetDateTime.parse(item.get("outcomeTimestamp").asText())));
    });
    return items;
  }

  private static String textOrNull(JsonNode node) {
    return node.isTextual() ? node.asText() : null;
  }
}
