package org.pinpointcds.cards;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.pinpointcds.triage.Guidance;

/** Where a card's advice comes from; {@code topic} names the triage outcome. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Source(String label, String url, Coding topic) {

  /** The service's label with the guidance the card rests on, and the card's topic. */
  static Source of(String serviceLabel, Guidance guidance, Coding topic) {
    return new Source(serviceLabel + ": " + guidance.label(), guidance.url(), topic);
  }
}
