package org.pinpointcds.cards;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** One thing the clinician can accept on a card. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Suggestion(String label, String uuid, boolean isRecommended, List<Action> actions) {

  public Suggestion {
    actions = List.copyOf(actions);
  }
}
