package org.pinpointcds.cards;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How urgent a card looks in the EHR. */
public enum Indicator {
  INFO,
  WARNING,
  CRITICAL;

  @JsonValue
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
