package org.pinpointcds.cards;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Where a card's advice comes from; {@code topic} names the triage outcome. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Source(String label, String url, Coding topic) {}
