package org.pinpointcds.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.StreamSupport;

/**
 * What {@code shared/tools/run-scenarios.mjs} checks on every card, and how it finds the most urgent one, so
 * that these tests and the shared runner judge an answer the same way.
 */
final class CardChecks {

  static final String TOPIC_SYSTEM = "https://pinpoint-cds.org/fhir/CodeSystem/triage-outcome";
  static final String ORDER_CHECK_TOPIC_SYSTEM = "https://pinpoint-cds.org/fhir/CodeSystem/order-check-outcome";
  private static final Set<String> INDICATORS = Set.of("info", "warning", "critical");

  private CardChecks() {}

  /**
   * The runner's rank: emergency 5, same-day 4, urgent dermatology 3, watchful waiting 2, routine dermatology 1; for
   * the order check high-risk 4, avoid full dose 3, check platelets first 2, low platelets noted 1.
   */
  static int rank(JsonNode card) {
    return switch (card.path("source").path("topic").path("code").asText()) {
      case "emergency-evaluation" -> 5;
      case "same-day-cbc", "high-risk-order" -> 4;
      case "dermatology-referral" -> "warning".equals(card.path("indicator").asText()) ? 3 : 1;
      case "avoid-full-dose" -> 3;
      case "watchful-waiting", "check-platelets-first" -> 2;
      case "low-platelets-noted" -> 1;
      default -> 0;
    };
  }

  /** The most urgent card; of equally urgent ones the first, as a stable sort would give it. */
  static Optional<JsonNode> top(List<JsonNode> cards) {
    return cards.stream().max(Comparator.comparingInt(CardChecks::rank)
        .thenComparing(Comparator.comparingInt(cards::indexOf).reversed()));
  }

  static String topic(JsonNode card) {
    return card.path("source").path("topic").path("code").asText(null);
  }

  /** Every problem with the cards' structure (CDS Hooks 2.0 card attributes and the contract); empty when none. */
  static List<String> structuralProblems(List<JsonNode> cards) {
    return structuralProblems(cards, TOPIC_SYSTEM);
  }

  /** As {@link #structuralProblems(List)}, for the service whose topics are codes of {@code topicSystem}. */
  static List<String> structuralProblems(List<JsonNode> cards, String topicSystem) {
    List<String> bad = new ArrayList<>();
    for (JsonNode c : cards) {
      if (c.path("uuid").asText("").isEmpty()) {
        bad.add("card without uuid");
      }
      String summary = c.path("summary").asText("");
      if (summary.isEmpty() || summary.length() >= 140) {
        bad.add("summary missing or >= 140 chars: " + summary.length());
      }
      if (!INDICATORS.contains(c.path("indicator").asText())) {
        bad.add("bad indicator " + c.path("indicator"));
      }
      if (c.path("source").path("label").asText("").isEmpty()) {
        bad.add("source.label missing");
      }
      JsonNode topic = c.path("source").path("topic");
      if (!topic.isMissingNode() && !topicSystem.equals(topic.path("system").asText())) {
        bad.add("topic system " + topic.path("system"));
      }
      if (c.path("suggestions").size() > 0 && c.path("selectionBehavior").asText("").isEmpty()) {
        bad.add("suggestions without selectionBehavior");
      }
      for (JsonNode action : actions(c)) {
        if (action.path("description").asText("").isEmpty()) {
          bad.add("action without description");
        }
      }
      for (JsonNode reason : c.path("overrideReasons")) {
        if (reason.path("display").asText("").isEmpty()) {
          bad.add("overrideReason without display");
        }
      }
    }
    return bad;
  }

  /** Codes of the resources the card's suggestions would create. */
  static List<String> suggestedCodes(JsonNode card) {
    return actions(card).stream()
        .flatMap(a -> StreamSupport.stream(a.path("resource").path("code").path("coding").spliterator(), false))
        .map(coding -> coding.path("code").asText())
        .toList();
  }

  /** The card's suggestions as lower-case JSON text. */
  static String suggestionText(JsonNode card) {
    return card.path("suggestions").toString().toLowerCase();
  }

  /** Summary and detail, lower-case. */
  static String text(JsonNode card) {
    return (card.path("summary").asText("") + " " + card.path("detail").asText("")).toLowerCase();
  }

  /** The references the card's delete actions would remove. */
  static List<String> deletes(JsonNode card) {
    return actions(card).stream().filter(a -> "delete".equals(a.path("type").asText()))
        .map(a -> a.path("resourceId").asText()).toList();
  }

  static List<JsonNode> actions(JsonNode card) {
    return StreamSupport.stream(card.path("suggestions").spliterator(), false)
        .flatMap(s -> StreamSupport.stream(s.path("actions").spliterator(), false))
        .toList();
  }
}
