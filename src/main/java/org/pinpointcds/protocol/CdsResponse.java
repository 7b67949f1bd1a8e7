package org.pinpointcds.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.pinpointcds.cards.Card;

/** A service's answer; {@code "cards": []} is written even when empty, as the specification requires. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CdsResponse(List<Card> cards) {

  public CdsResponse {
    cards = List.copyOf(cards);
  }
}
