package org.pinpointcds.cards;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/** A CDS Hooks 2.0 card. Empty optional fields are left out of the JSON, as the specification requires. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Card(
    String uuid,
    String summary,
    String detail,
    Indicator indicator,
    Source source,
    List<Suggestion> suggestions,
    String selectionBehavior,
    List<Coding> overrideReasons) {

  /** Card summaries must be shorter than 140 characters (CDS Hooks 2.0, Card attributes). */
  public static final int SUMMARY_LIMIT = 139;

  /**
   * A card issued at {@code issuedAt}: its uuid sorts by that time, and the clinician may accept any of its
   * suggestions.
   */
  static Card issued(Instant issuedAt, String summary, String detail, Indicator indicator, Source source,
      List<Suggestion> suggestions, List<Coding> overrideReasons) {
    return new Card(CardIds.issuedAt(issuedAt), summary, detail, indicator, source, suggestions,
        suggestions.isEmpty() ? null : "any", overrideReasons);
  }

  public Card {
    if (summary == null || summary.isBlank() || summary.length() > SUMMARY_LIMIT) {
      throw new IllegalArgumentException("card summary must be 1 to 139 characters, got: " + summary);
    }
    suggestions = List.copyOf(suggestions);
    overrideReasons = List.copyOf(overrideReasons);
  }
}
