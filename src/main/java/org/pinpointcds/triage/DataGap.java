package org.pinpointcds.triage;

import java.util.Optional;

/**
 * A resource that could change the triage and could not be read (contract 5): named on the card under "Not read"
 * and counted by key and reason.
 *
 * @param key the prefetch key that brought it
 * @param reference the resource, e.g. {@code Observation/temp-1}
 * @param kind what it would have been, which decides the look-back it is held against
 * @param reason a short code for the metric: {@code unit-unknown}, {@code implausible}, ...
 * @param detail what could not be read, for the clinician
 * @param dated when it was recorded, where that could be read
 */
public record DataGap(String key, String reference, Kind kind, String reason, String detail, Optional<When> dated) {

  /** What the unread resource would have been. */
  public enum Kind { SKIN_FINDING, TEMPERATURE, PLATELET_COUNT, CONDITION, MEDICATION }
}
